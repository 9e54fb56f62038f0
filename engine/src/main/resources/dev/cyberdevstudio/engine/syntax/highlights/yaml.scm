; YAML highlights for CyberDevStudio.
; A capture names a style class (text after a dot only refines it); for one node the first pattern wins,
; and an inner node's capture wins over its parent's.

(block_mapping_pair key: (flow_node (plain_scalar (string_scalar) @property)))
(block_mapping_pair key: (flow_node [(double_quote_scalar) (single_quote_scalar)] @property))
(flow_pair key: (flow_node (plain_scalar (string_scalar) @property)))
(flow_pair key: (flow_node [(double_quote_scalar) (single_quote_scalar)] @property))

(comment) @comment
(escape_sequence) @escape
(string_scalar) @string
(double_quote_scalar) @string
(single_quote_scalar) @string
(block_scalar) @string
(integer_scalar) @number
(float_scalar) @number
(boolean_scalar) @constant
(null_scalar) @constant
(anchor) @variable
(alias) @variable
(tag) @type
(yaml_directive) @keyword
(tag_directive) @keyword
(reserved_directive) @keyword

["---" "..."] @keyword
["-" ":" "?" "," "[" "]" "{" "}" ">" "|"] @punctuation
