/**
 * What the editor shows about a file's encoding: {@link dev.cyberdevstudio.app.editor.encoding.EncodingNoticeBar}
 * for a file that is not valid UTF-8, with its "Reopen as …" action.
 */
package dev.cyberdevstudio.app.editor.encoding;
