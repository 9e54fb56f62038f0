; CSS highlights for CyberDevStudio.
; A capture names a style class (text after a dot only refines it); for one node the first pattern wins,
; and an inner node's capture wins over its parent's.

(pseudo_class_selector (class_name) @attribute)
(pseudo_element_selector (tag_name) @attribute)
(tag_name) @tag
(nesting_selector) @tag
(universal_selector) @tag
(class_selector "." @type)
(class_name) @type
(id_selector "#" @constant)
(id_name) @constant
(attribute_name) @attribute
(property_name) @property
(feature_name) @property
(function_name) @function
(keyframes_name) @variable
(namespace_name) @variable

(comment) @comment
(js_comment) @comment
(escape_sequence) @escape
(string_value) @string
(integer_value) @number
(float_value) @number
(unit) @number
(color_value) @constant
(plain_value) @constant.value
(important) @keyword
(at_keyword) @keyword
(keyword_query) @keyword
(from) @keyword
(to) @keyword

["@media" "@import" "@charset" "@namespace" "@supports" "@keyframes" "and" "or" "not" "only"] @keyword
["~" ">" "+" "-" "*" "/" "=" "^=" "|=" "~=" "$=" "*=" "|"] @operator
["(" ")" "[" "]" "{" "}" ":" "::" ";" "," "."] @punctuation
