package tui

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// findHit is one match of the find query: the cells it covers on each
// screen line it spans (two or more when wrapping split it).
type findHit struct {
	line  int // the first line
	parts []linePart
}

// linePart is the cells of a match on one line.
type linePart struct {
	line int
	span
}

// findHits returns every case-insensitive occurrence of query in plain
// screen lines. The lines of a paragraph are read as one text, so a phrase
// that wrapping split is found; any run of spaces, and a line break inside a
// paragraph, matches any run of spaces in the query.
func findHits(lines []string, query string) []findHit {
	q := foldSpaces(query)
	if len(q) == 0 {
		return nil
	}
	// text is the folded lines, and at[i] the screen cell of text[i]; a
	// space joining two lines sits on no line (-1).
	type cell struct{ line, col, width int }
	var text []rune
	var at []cell
	for i, line := range lines {
		if strings.TrimSpace(line) == "" {
			text, at = append(text, '\n'), append(at, cell{line: -1})
			continue
		}
		if n := len(text); n > 0 && text[n-1] != '\n' && text[n-1] != ' ' {
			text, at = append(text, ' '), append(at, cell{line: -1})
		}
		col := 0
		for _, r := range line {
			w := 1
			if r >= 0x80 {
				w = ansi.StringWidth(string(r))
			}
			if r = fold(r); r != ' ' || len(text) == 0 || text[len(text)-1] != ' ' {
				text, at = append(text, r), append(at, cell{i, col, w})
			}
			col += w
		}
	}
	var hits []findHit
	for s := 0; s+len(q) <= len(text); s++ {
		if !runesAt(text, s, q) {
			continue
		}
		var h findHit
		for _, c := range at[s : s+len(q)] {
			switch n := len(h.parts); {
			case c.line < 0:
			case n > 0 && h.parts[n-1].line == c.line:
				h.parts[n-1].to = max(h.parts[n-1].to, c.col+c.width)
			default:
				h.parts = append(h.parts, linePart{c.line, span{c.col, c.col + c.width}})
			}
		}
		if len(h.parts) > 0 {
			h.line = h.parts[0].line
			hits = append(hits, h)
		}
		s += len(q) - 1
	}
	return hits
}

// foldSpaces lowercases s and makes each run of white space one space.
func foldSpaces(s string) []rune {
	var out []rune
	for _, r := range s {
		r = fold(r)
		if r == ' ' && len(out) > 0 && out[len(out)-1] == ' ' {
			continue
		}
		out = append(out, r)
	}
	return out
}

// fold is r lowercased, with any white space a plain space.
func fold(r rune) rune {
	if unicode.IsSpace(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

func runesAt(text []rune, at int, q []rune) bool {
	for i, r := range q {
		if text[at+i] != r {
			return false
		}
	}
	return true
}
