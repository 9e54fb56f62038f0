; Python highlights for CyberDevStudio.
; A capture names a style class (text after a dot only refines it); for one node the first pattern wins,
; and an inner node's capture wins over its parent's.

(decorator "@" @attribute)
(decorator (identifier) @attribute)
(decorator (attribute attribute: (identifier) @attribute))
(decorator (call function: (identifier) @attribute))

(function_definition name: (identifier) @function.declaration)
(class_definition name: (identifier) @type.declaration)
(call function: (identifier) @builtin.known)
(call function: (identifier) @function.call)
(call function: (attribute attribute: (identifier) @function.call))

(type (identifier) @type)
(attribute attribute: (identifier) @property)
(keyword_argument name: (identifier) @variable)
((identifier) @builtin.known)
((identifier) @constant.caps)
(parameters (identifier) @variable)
(typed_parameter (identifier) @variable)
(default_parameter name: (identifier) @variable)
(typed_default_parameter name: (identifier) @variable)

(comment) @comment
(escape_sequence) @escape
(interpolation "{" @punctuation "}" @punctuation)
(interpolation) @variable
(string) @string
(integer) @number
(float) @number
(true) @constant
(false) @constant
(none) @constant
(ellipsis) @constant

[
  "and" "as" "assert" "async" "await" "break" "case" "class" "continue" "def" "del" "elif" "else" "except"
  "exec" "finally" "for" "from" "global" "if" "import" "in" "is" "is not" "lambda" "match" "nonlocal" "not"
  "not in" "or" "pass" "print" "raise" "return" "try" "type" "while" "with" "yield"
] @keyword

[
  "=" "+=" "-=" "*=" "/=" "//=" "%=" "**=" "&=" "|=" "^=" "<<=" ">>=" "@=" ":=" "==" "!=" "<>" "<" "<=" ">"
  ">=" "+" "-" "*" "**" "/" "//" "%" "&" "|" "^" "~" "<<" ">>" "->"
] @operator

["(" ")" "[" "]" "{" "}" "," "." ":" ";"] @punctuation
