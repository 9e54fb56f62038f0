; TypeScript highlights for CyberDevStudio (TSX files use them too: the grammar jar has no TSX dialect).
; A capture names a style class (text after a dot only refines it); for one node the first pattern wins,
; and an inner node's capture wins over its parent's.

; Declarations and calls
(function_declaration name: (identifier) @function.declaration)
(function_expression name: (identifier) @function.declaration)
(generator_function_declaration name: (identifier) @function.declaration)
(function_signature name: (identifier) @function.declaration)
(method_definition name: (property_identifier) @function.declaration)
(method_signature name: (property_identifier) @function.declaration)
(abstract_method_signature name: (property_identifier) @function.declaration)
(variable_declarator name: (identifier) @function.declaration value: [(function_expression) (arrow_function)])
(call_expression function: (identifier) @builtin.known)
(call_expression function: (identifier) @function.call)
(call_expression function: (member_expression property: (property_identifier) @function.call))
(new_expression constructor: (identifier) @type)
(class_declaration name: (type_identifier) @type.declaration)
(abstract_class_declaration name: (type_identifier) @type.declaration)
(class name: (type_identifier) @type.declaration)
(enum_declaration name: (identifier) @type.declaration)

(decorator "@" @attribute)
(decorator (identifier) @attribute)

; Types
(type_identifier) @type
(predefined_type) @type
(this_type) @builtin
(literal_type (string) @string)

(property_identifier) @property
(shorthand_property_identifier) @property
(private_property_identifier) @property
((identifier) @builtin.known)
((identifier) @constant.caps)
(variable_declarator name: (identifier) @variable)
(required_parameter pattern: (identifier) @variable)
(optional_parameter pattern: (identifier) @variable)

; Literals
(comment) @comment
(hash_bang_line) @comment
(escape_sequence) @escape
(template_substitution "${" @punctuation "}" @punctuation)
(template_substitution) @variable
(regex "/" @string)
(string) @string
(template_string) @string
(regex) @string
(number) @number
(true) @constant
(false) @constant
(null) @constant
(undefined) @constant
(this) @builtin
(super) @builtin

[
  "abstract" "accessor" "as" "asserts" "async" "await" "break" "case" "catch" "class" "const" "continue"
  "debugger" "declare" "default" "delete" "do" "else" "enum" "export" "extends" "finally" "for" "from"
  "function" "get" "global" "if" "implements" "import" "in" "infer" "instanceof" "interface" "is" "keyof" "let"
  "module" "namespace" "new" "of" "override" "private" "protected" "public" "readonly" "require" "return"
  "satisfies" "set" "static" "switch" "target" "throw" "try" "type" "typeof" "unique symbol" "using" "var"
  "void" "while" "with" "yield"
] @keyword

[
  "=" "+=" "-=" "*=" "/=" "%=" "**=" "&=" "|=" "^=" "<<=" ">>=" ">>>=" "&&=" "||=" "??=" "==" "===" "!=" "!=="
  "<" "<=" ">" ">=" "&&" "||" "??" "!" "+" "-" "*" "**" "/" "%" "++" "--" "&" "|" "^" "~" "<<" ">>" ">>>"
  "?" ":" "=>" "..." "?." "-?:" "+?:" "?:"
] @operator

["(" ")" "[" "]" "{" "}" ";" "," "." "{|" "|}"] @punctuation
