; Bash highlights for CyberDevStudio.
; A capture names a style class (text after a dot only refines it); for one node the first pattern wins,
; and an inner node's capture wins over its parent's.

(command_name (word) @builtin.known)
(command_name) @function.call
(function_definition name: (word) @function.declaration)

(variable_name) @variable
(special_variable_name) @builtin
(simple_expansion "$" @variable)
(expansion ["${" "}"] @variable)
(command_substitution ["$(" ")" "`"] @punctuation)
(arithmetic_expansion ["$((" "))"] @punctuation)

(comment) @comment
(string) @string
(raw_string) @string
(ansi_c_string) @string
(translated_string) @string
(heredoc_body) @string
(heredoc_start) @string
(heredoc_end) @string
(number) @number
(file_descriptor) @number
(test_operator) @operator
(regex) @string

[
  "case" "declare" "do" "done" "elif" "else" "esac" "export" "fi" "for" "function" "if" "in" "local"
  "readonly" "select" "then" "typeset" "unset" "unsetenv" "until" "while"
] @keyword

[
  "=" "+=" "==" "!=" "=~" "<" ">" ">>" "<<" "<<-" "<<<" "&>" "&>>" ">&" "<&" ">|" "|" "|&" "||" "&&" "&" "!"
  "+" "-" "*" "/" "%" "**" "++" "--"
] @operator

["(" ")" "((" "))" "[" "]" "[[" "]]" "{" "}" ";" ";;"] @punctuation
