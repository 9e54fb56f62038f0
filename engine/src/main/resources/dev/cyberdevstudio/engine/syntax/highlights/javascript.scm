; JavaScript (and JSX) highlights for CyberDevStudio.
; A capture names a style class (text after a dot only refines it); for one node the first pattern wins,
; and an inner node's capture wins over its parent's.

; JSX
(jsx_opening_element name: (_) @tag)
(jsx_closing_element name: (_) @tag)
(jsx_self_closing_element name: (_) @tag)
(jsx_attribute (property_identifier) @attribute)
(jsx_opening_element ["<" ">"] @tag)
(jsx_closing_element ["</" ">"] @tag)
(jsx_self_closing_element ["<" "/>"] @tag)

; Declarations and calls
(function_declaration name: (identifier) @function.declaration)
(function_expression name: (identifier) @function.declaration)
(generator_function_declaration name: (identifier) @function.declaration)
(method_definition name: (property_identifier) @function.declaration)
(variable_declarator name: (identifier) @function.declaration value: [(function_expression) (arrow_function)])
(call_expression function: (identifier) @builtin.known)
(call_expression function: (identifier) @function.call)
(call_expression function: (member_expression property: (property_identifier) @function.call))
(new_expression constructor: (identifier) @type)
(class_declaration name: (identifier) @type.declaration)
(class name: (identifier) @type.declaration)
(class_heritage (identifier) @type)

(decorator "@" @attribute)
(decorator (identifier) @attribute)

(property_identifier) @property
(shorthand_property_identifier) @property
(private_property_identifier) @property
((identifier) @builtin.known)
((identifier) @constant.caps)
(variable_declarator name: (identifier) @variable)
(formal_parameters (identifier) @variable)

; Literals
(regex "/" @string)
(comment) @comment
(hash_bang_line) @comment
(escape_sequence) @escape
(template_substitution "${" @punctuation "}" @punctuation)
(template_substitution) @variable
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
  "as" "async" "await" "break" "case" "catch" "class" "const" "continue" "debugger" "default" "delete" "do"
  "else" "export" "extends" "finally" "for" "from" "function" "get" "if" "import" "in" "instanceof" "let" "new"
  "of" "return" "set" "static" "switch" "target" "throw" "try" "typeof" "using" "var" "void" "while" "with"
  "yield"
] @keyword

[
  "=" "+=" "-=" "*=" "/=" "%=" "**=" "&=" "|=" "^=" "<<=" ">>=" ">>>=" "&&=" "||=" "??=" "==" "===" "!=" "!=="
  "<" "<=" ">" ">=" "&&" "||" "??" "!" "+" "-" "*" "**" "/" "%" "++" "--" "&" "|" "^" "~" "<<" ">>" ">>>"
  "?" ":" "=>" "..."
] @operator

["(" ")" "[" "]" "{" "}" ";" "," "."] @punctuation
