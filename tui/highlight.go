package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// span is a range of cells [from, to) on one screen line.
type span struct{ from, to int }

// highlight lays st over the cells [from, to) of a styled line. The line's
// own styles carry on inside the range (a heading stays bold, a link keeps
// its colour and its hyperlink) and resume after it.
func highlight(line string, from, to int, st lipgloss.Style) string {
	on := sgrOf(st)
	if to <= from || on == "" {
		return line
	}
	var b, seen strings.Builder // seen: the line's SGR sequences so far
	col, inside := 0, false
	var state byte
	for s := line; len(s) > 0; {
		seq, width, n, next := ansi.DecodeSequence(s, state, nil)
		state, s = next, s[n:]
		if width == 0 {
			b.WriteString(seq)
			if isSGR(seq) {
				if seq == "\x1b[m" || seq == "\x1b[0m" {
					seen.Reset()
				}
				seen.WriteString(seq)
				if inside {
					b.WriteString(on)
				}
			}
			continue
		}
		switch {
		case !inside && col+width > from && col < to:
			b.WriteString(on)
			inside = true
		case inside && col >= to:
			b.WriteString("\x1b[m" + seen.String())
			inside = false
		}
		b.WriteString(seq)
		col += width
	}
	if inside {
		b.WriteString("\x1b[m" + seen.String())
	}
	return b.String()
}

// sgrOf is the escape sequence that turns a style's attributes on.
func sgrOf(st lipgloss.Style) string {
	out := st.Render("x")
	return out[:strings.Index(out, "x")]
}

func isSGR(seq string) bool {
	return strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m")
}
