package tui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
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

// findWords finds each word of a query on its own, in reading order.
func findWords(lines []string, query string) []findHit {
	var hits []findHit
	for _, w := range strings.Fields(query) {
		hits = append(hits, findHits(lines, w)...)
	}
	slices.SortStableFunc(hits, func(a, b findHit) int {
		if a.line != b.line {
			return a.line - b.line
		}
		return a.parts[0].from - b.parts[0].from
	})
	return hits
}

// carryFind makes a search's query the find in the guide being opened:
// each of its words (of two letters or more) is highlighted where the
// reader lands, and n and N move between them.
func (r *Reader) carryFind(query string) tea.Cmd {
	words := strings.FieldsFunc(query, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) })
	words = slices.DeleteFunc(words, func(w string) bool { return utf8.RuneCountInString(w) < 2 })
	if len(words) == 0 {
		return nil
	}
	r.query, r.words = strings.Join(words, " "), true
	if r.doc == nil {
		r.pending.find = true
		return nil
	}
	return r.landFind()
}

// landFind finds a carried query where the reader landed, without moving:
// the current match is the first at or below the top of the screen, and
// when that is not on screen, n goes to it first. A query found nowhere
// leaves no find behind (no highlights, nothing for esc to clear).
func (r *Reader) landFind() tea.Cmd {
	r.runFind()
	if len(r.hits) == 0 {
		r.query, r.words = "", false
		return nil
	}
	r.hit = r.firstHitFrom(r.offset)
	if line := r.hits[r.hit].line; line >= r.offset && line < r.offset+r.bodyHeight() {
		return r.hitStatus()
	}
	r.hitAhead = true
	return r.setStatus(fmt.Sprintf("%d matches for %q  (n next, N previous)", len(r.hits), r.query))
}
