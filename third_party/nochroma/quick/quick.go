// Package quick writes code blocks. pathways does not highlight syntax, so
// the source is written as it is; glamour indents and frames it.
package quick

import "io"

// Highlight writes source unchanged.
func Highlight(w io.Writer, source, lexer, formatter, style string) error {
	_, err := io.WriteString(w, source)
	return err
}
