package guides

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// Field says which part of a guide a search result matched.
type Field uint8

// Fields in order of weight: a match in a title outranks one in body text.
const (
	FieldTitle Field = iota
	FieldTag
	FieldHeading
	FieldSummary
	FieldText
)

var fieldWeight = [...]int{FieldTitle: 60, FieldTag: 45, FieldHeading: 40, FieldSummary: 30, FieldText: 12}

func (f Field) String() string {
	return [...]string{"title", "tag", "heading", "summary", "text"}[f]
}

// Result is one guide that matched a query, at its best-matching place.
type Result struct {
	Guide *Guide
	Field Field
	// Anchor and Heading name the section the match is in ("" for the top).
	Anchor  string
	Heading string
	// Text is the matched title, tag, heading, summary or body text, and
	// Matches the byte offsets in Text of the matched characters.
	Text    string
	Matches []int
	Score   int
}

// unit is one searchable string of one guide.
type unit struct {
	guide   int32
	field   Field
	section int16 // index into the guide's Headings, or -1
	text    string
	lower   string // lowercased text when it has the same byte offsets, else ""
	mask    uint64
}

// Index is the search index over a library: every title, tag, heading,
// summary and piece of body text, with a character set per piece so most
// pieces are rejected before any matching.
type Index struct {
	guides []*Guide
	units  []unit
}

// NewIndex indexes every guide of lib.
func NewIndex(lib *Library) *Index {
	ix := &Index{guides: lib.Guides()}
	for gi, g := range ix.guides {
		add := func(f Field, section int, text string) {
			if text == "" {
				return
			}
			u := unit{guide: int32(gi), field: f, section: int16(min(section, 1<<15-1)), text: text, mask: charMask(text)}
			if l := strings.ToLower(text); len(l) == len(text) {
				u.lower = l
			}
			ix.units = append(ix.units, u)
		}
		add(FieldTitle, -1, g.Title)
		for _, t := range g.Tags {
			add(FieldTag, -1, t)
		}
		add(FieldSummary, -1, g.Summary)
		for hi, h := range g.Headings {
			add(FieldHeading, hi, h.Text)
		}
		hi := -1
		for _, b := range g.blocks {
			for hi+1 < len(g.Headings) && g.Headings[hi+1].Offset <= b.offset {
				hi++
			}
			add(FieldText, hi, b.text)
		}
	}
	return ix
}

// Search ranks guides for a query. Every word of the query must match
// somewhere in a guide, as a substring or as a compact fuzzy match
// (sahilm/fuzzy). A guide scores the best place for each word (a title
// outweighs body text), plus a bonus when one piece holds every word; the
// result shows that piece, or the best piece for the first word. At most
// limit results (0: all).
func (ix *Index) Search(query string, limit int) []Result {
	terms := queryTerms(query)
	if len(terms) == 0 {
		return nil
	}
	phrase := strings.ToLower(strings.Join(strings.Fields(query), " "))
	type acc struct {
		perTerm []int // best score of each term; 0 = not matched yet
		all     Result
		first   Result
	}
	accs := make(map[int32]*acc)
	for i := range ix.units {
		u := &ix.units[i]
		var a *acc
		allScore := 0
		var allMatches []int
		matchedAll := true
		for ti, t := range terms {
			if t.mask&^u.mask != 0 {
				matchedAll = false
				continue
			}
			s, m, ok := matchTerm(u, t.text)
			if !ok {
				matchedAll = false
				continue
			}
			s += fieldWeight[u.field]
			if a == nil {
				if a = accs[u.guide]; a == nil {
					a = &acc{perTerm: make([]int, len(terms))}
					accs[u.guide] = a
				}
			}
			if s > a.perTerm[ti] {
				a.perTerm[ti] = s
				if ti == 0 {
					a.first = ix.result(u, s, m)
				}
			}
			allScore += s
			allMatches = append(allMatches, m...)
		}
		if matchedAll && len(terms) > 1 && u.lower != "" && strings.Contains(u.lower, phrase) {
			allScore += 40 // the words in order, as typed
		}
		if matchedAll && a != nil && allScore > a.all.Score {
			if len(terms) > 1 {
				slices.Sort(allMatches)
				allMatches = slices.Compact(allMatches)
			}
			a.all = ix.result(u, allScore, allMatches)
		}
	}
	out := make([]Result, 0, len(accs))
	for _, a := range accs {
		total := 0
		for _, s := range a.perTerm {
			if s == 0 {
				total = -1
				break
			}
			total += s
		}
		if total < 0 {
			continue
		}
		r := a.first
		if a.all.Guide != nil {
			r = a.all
			total += 20
		}
		r.Score = total
		out = append(out, r)
	}
	order := make(map[*Guide]int, len(ix.guides))
	for i, g := range ix.guides {
		order[g] = i
	}
	slices.SortFunc(out, func(a, b Result) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return order[a.Guide] - order[b.Guide]
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

func (ix *Index) result(u *unit, score int, matches []int) Result {
	g := ix.guides[u.guide]
	r := Result{Guide: g, Field: u.field, Text: u.text, Matches: slices.Clone(matches), Score: score}
	if u.section >= 0 {
		h := g.Headings[u.section]
		r.Anchor, r.Heading = h.Anchor, h.Text
	}
	return r
}

type term struct {
	text string
	mask uint64
}

// maxTerms bounds the work one query can ask for.
const maxTerms = 8

func queryTerms(q string) []term {
	var out []term
	for _, f := range strings.Fields(strings.ToLower(q)) {
		if len(out) == maxTerms {
			break
		}
		if len(f) > 64 {
			f = f[:64]
		}
		out = append(out, term{text: f, mask: charMask(f)})
	}
	return out
}

// matchTerm finds one term in a unit: a substring (best at the start of a
// word), else a fuzzy match no more than about twice the term's length.
func matchTerm(u *unit, t string) (int, []int, bool) {
	if u.lower != "" {
		if i := bestSubstring(u.lower, t); i >= 0 {
			score := 20
			if i == 0 || !isWordByte(u.lower[i-1]) {
				score += 10
				if end := i + len(t); end == len(u.lower) || !isWordByte(u.lower[end]) {
					score += 10
				}
			}
			m := make([]int, 0, len(t))
			for j := range len(t) {
				m = append(m, i+j)
			}
			return score, m, true
		}
	}
	if utf8.RuneCountInString(t) < 3 {
		return 0, nil, false // two letters scattered over a line mean nothing
	}
	found := fuzzy.FindNoSort(t, []string{u.text})
	if len(found) == 0 {
		return 0, nil, false
	}
	m := found[0].MatchedIndexes
	if span := m[len(m)-1] - m[0]; span > 2*len(t)+2 {
		return 0, nil, false
	}
	return 5, slices.Clone(m), true
}

// bestSubstring returns the index of t in s, preferring a word start.
func bestSubstring(s, t string) int {
	first := strings.Index(s, t)
	if first <= 0 {
		return first
	}
	for i := first; i >= 0; {
		if i == 0 || !isWordByte(s[i-1]) {
			return i
		}
		next := strings.Index(s[i+1:], t)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return first
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// charMask is the set of ASCII letters and digits in s (case-folded), with
// one bit for anything else.
func charMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			m |= 1 << (c - 'a')
		case c >= 'A' && c <= 'Z':
			m |= 1 << (c - 'A')
		case c >= '0' && c <= '9':
			m |= 1 << (26 + c - '0')
		case c >= 0x80:
			m |= 1 << 63
		}
	}
	return m
}

// Snippet cuts a result's text to about width bytes around its first match,
// marking cuts with "…", and returns the matches shifted to the snippet.
func (r Result) Snippet(width int) (string, []int) {
	text, matches := r.Text, r.Matches
	if len(text) <= width || width <= 0 {
		return text, matches
	}
	start := 0
	if len(matches) > 0 && matches[0] > width/3 {
		start = matches[0] - width/3
	}
	start = wordStart(text, start)
	end := min(len(text), start+width)
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	out := text[start:end]
	var shifted []int
	prefix := ""
	if start > 0 {
		prefix = "…"
	}
	for _, m := range matches {
		if m >= start && m < end {
			shifted = append(shifted, m-start+len(prefix))
		}
	}
	if end < len(text) {
		out += "…"
	}
	return prefix + out, shifted
}

// wordStart moves i back to the start of its word (and a rune boundary).
func wordStart(s string, i int) int {
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	for j := i; j > 0 && i-j < 20; j-- {
		if s[j-1] == ' ' {
			return j
		}
	}
	return i
}
