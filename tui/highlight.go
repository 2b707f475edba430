package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// span is a range of cells [from, to) on one screen line.
type span struct{ from, to int }

// highlight restyles the cells [from, to) of a styled line with st, keeping
// the rest of the line as it was.
func highlight(line string, from, to int, st lipgloss.Style) string {
	if to <= from {
		return line
	}
	w := ansi.StringWidth(line)
	if from >= w {
		return line
	}
	to = min(to, w)
	return ansi.Cut(line, 0, from) + st.Render(ansi.Strip(ansi.Cut(line, from, to))) + ansi.Cut(line, to, w)
}

// findSpans returns the cells of every case-insensitive occurrence of query
// in a plain (unstyled) line.
func findSpans(plain, query string) []span {
	if query == "" {
		return nil
	}
	lower := strings.ToLower(plain)
	q := strings.ToLower(query)
	if len(lower) != len(plain) {
		// Case folding changed byte lengths: match case-sensitively instead
		// of guessing offsets.
		lower, q = plain, query
	}
	var out []span
	for i := 0; i <= len(lower)-len(q); {
		j := strings.Index(lower[i:], q)
		if j < 0 {
			break
		}
		start := i + j
		from := ansi.StringWidth(plain[:start])
		out = append(out, span{from, from + ansi.StringWidth(plain[start:start+len(q)])})
		i = start + len(q)
	}
	return out
}
