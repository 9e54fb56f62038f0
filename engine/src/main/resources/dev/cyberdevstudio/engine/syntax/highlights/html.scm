; HTML highlights for CyberDevStudio.
; A capture names a style class (text after a dot only refines it); for one node the first pattern wins,
; and an inner node's capture wins over its parent's.

(tag_name) @tag
(erroneous_end_tag_name) @tag
(attribute_name) @attribute
(attribute_value) @string
(quoted_attribute_value) @string
(entity) @escape
(comment) @comment
(doctype) @keyword

["<" ">" "</" "/>" "<!"] @punctuation
"=" @operator
