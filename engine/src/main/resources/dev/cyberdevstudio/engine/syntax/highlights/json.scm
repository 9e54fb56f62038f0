; JSON highlights for CyberDevStudio.
; A capture names a style class (text after a dot only refines it); for one node the first pattern wins,
; and an inner node's capture wins over its parent's.

(pair key: (string) @property)
(escape_sequence) @escape
(string) @string
(number) @number
(true) @constant
(false) @constant
(null) @constant
(comment) @comment

["{" "}" "[" "]" ":" ","] @punctuation
