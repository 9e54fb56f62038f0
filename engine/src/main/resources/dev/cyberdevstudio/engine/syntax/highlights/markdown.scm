; Markdown highlights for CyberDevStudio.
; A capture names a style class (text after a dot only refines it); for one node the first pattern wins,
; and an inner node's capture wins over its parent's.

(atx_heading) @heading
(setext_heading) @heading

(link_destination) @link
(uri_autolink) @link
(email_autolink) @link
(www_autolink) @link
(link_text) @link.text
(image_description) @link.text
(link_label) @link.label
(link_title) @string

(code_span) @string
(fenced_code_block) @string
(indented_code_block) @string
(info_string) @type

(list_marker) @punctuation
(task_list_item_marker) @punctuation
(thematic_break) @punctuation
(table_delimiter_row) @punctuation
(block_quote) @comment

(backslash_escape) @escape
(character_reference) @escape

(html_block) @tag
(html_open_tag) @tag
(html_close_tag) @tag
(html_self_closing_tag) @tag
(html_comment) @comment
