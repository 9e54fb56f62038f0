; Java highlights for CyberDevStudio.
; A capture names a style class (text after a dot only refines it); for one node the first pattern wins,
; and an inner node's capture wins over its parent's.

; Declarations and calls
(method_declaration name: (identifier) @function.declaration)
(constructor_declaration name: (identifier) @function.declaration)
(compact_constructor_declaration name: (identifier) @function.declaration)
(method_invocation name: (identifier) @function.call)
(method_reference "::" . (identifier) @function.call)

(class_declaration name: (identifier) @type.declaration)
(interface_declaration name: (identifier) @type.declaration)
(enum_declaration name: (identifier) @type.declaration)
(record_declaration name: (identifier) @type.declaration)
(annotation_type_declaration name: (identifier) @type.declaration)

(marker_annotation "@" @attribute name: (_) @attribute)
(annotation "@" @attribute name: (_) @attribute)

(field_declaration declarator: (variable_declarator name: (identifier) @property))
(field_access field: (identifier) @property)
(enum_constant name: (identifier) @constant)
((identifier) @constant.caps)

(variable_declarator name: (identifier) @variable)
(formal_parameter name: (identifier) @variable)
(catch_formal_parameter name: (identifier) @variable)

; Types
(type_identifier) @type
(integral_type) @type
(floating_point_type) @type
(boolean_type) @type
(void_type) @type

; Literals
(line_comment) @comment
(block_comment) @comment
(escape_sequence) @escape
(string_literal) @string
(character_literal) @string
(decimal_integer_literal) @number
(hex_integer_literal) @number
(octal_integer_literal) @number
(binary_integer_literal) @number
(decimal_floating_point_literal) @number
(hex_floating_point_literal) @number
(true) @constant
(false) @constant
(null_literal) @constant
(this) @builtin
(super) @builtin

[
  "abstract" "assert" "break" "case" "catch" "class" "continue" "default" "do" "else" "enum" "exports"
  "extends" "final" "finally" "for" "if" "implements" "import" "instanceof" "interface" "module" "native"
  "new" "non-sealed" "open" "opens" "package" "permits" "private" "protected" "provides" "public" "record"
  "requires" "return" "sealed" "static" "strictfp" "switch" "synchronized" "throw" "throws" "to" "transient"
  "transitive" "try" "uses" "volatile" "when" "while" "with" "yield" "@interface"
] @keyword

[
  "=" "+=" "-=" "*=" "/=" "%=" "&=" "|=" "^=" "<<=" ">>=" ">>>=" "==" "!=" "<" "<=" ">" ">=" "&&" "||" "!"
  "+" "-" "*" "/" "%" "++" "--" "&" "|" "^" "~" "<<" ">>" ">>>" "?" ":" "->" "::"
] @operator

["(" ")" "[" "]" "{" "}" ";" "," "." "..." "@"] @punctuation
