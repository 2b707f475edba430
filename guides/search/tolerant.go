package search

import (
	"math/bits"
	"sort"
	"strings"
)

// Scores of the tolerant matches, beside matchWords' 40 (whole word), 30
// (start of a word) and 20 (inside a word): an acronym names the whole
// title or tag, so it counts as a whole word; a typo counts less than any
// match of what was typed.
const (
	acronymScore = 40
	typoScore    = 15
	// minTypoLen is the shortest term that may be a typo: shorter ones
	// are one edit away from too many words.
	minTypoLen = 4
)

// tolerant is what an Index keeps to forgive the way people type: the
// acronyms of titles and tags, and the vocabulary by word length.
type tolerant struct {
	// acronyms maps the initials of a title's or tag's words to the units
	// they abbreviate: "owp" to "Open work permits".
	acronyms map[string][]int32
	// byLen[n] lists the vocabulary words of n bytes, with their
	// character masks: a typo's candidates are the words one byte longer
	// or shorter or as long, whose letters differ by at most one.
	byLen [][]lengthWord
}

type lengthWord struct {
	mask uint64
	id   int32
}

// buildTolerant collects the acronyms of the index's titles and tags and
// sorts its vocabulary by length.
func (ix *Index) buildTolerant() tolerant {
	tol := tolerant{acronyms: map[string][]int32{}}
	for _, ui := range ix.short {
		u := &ix.units[ui]
		if u.field != FieldTitle && u.field != FieldTag {
			continue
		}
		all, content := acronyms(u.lower)
		for _, a := range []string{all, content} {
			if len(a) < 2 {
				continue
			}
			l := tol.acronyms[a]
			if len(l) == 0 || l[len(l)-1] != ui {
				tol.acronyms[a] = append(l, ui)
			}
		}
	}
	// Terms are at most 64 bytes, so their typos at most 65.
	tol.byLen = make([][]lengthWord, 66)
	for i, w := range ix.vocab {
		if n := len(w); n >= minTypoLen-1 && n < len(tol.byLen) {
			tol.byLen[n] = append(tol.byLen[n], lengthWord{mask: charMask(w), id: int32(i)})
		}
	}
	return tol
}

// smallWords are left out of the second form of an acronym: "Moving to
// Canada with a job offer" is also "mcjo".
var smallWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "by": true, "for": true,
	"from": true, "in": true, "of": true, "on": true, "or": true, "the": true, "to": true, "with": true,
}

// acronyms returns the initials of the words of s (lowercased), leaving
// out what is in parentheses, and the same without small words ("" when
// that is the same). Words that start beyond ASCII give no acronym.
func acronyms(s string) (all, content string) {
	var a, c []byte
	depth := 0
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && depth == 0 && isWordByte(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := s[start:i]
			if w[0] >= 0x80 {
				return "", ""
			}
			a = append(a, w[0])
			if !smallWords[w] {
				c = append(c, w[0])
			}
			start = -1
		}
		if i < len(s) {
			switch s[i] {
			case '(':
				depth++
			case ')':
				depth = max(0, depth-1)
			}
		}
	}
	if len(c) == len(a) {
		return string(a), ""
	}
	return string(a), string(c)
}

// matchTolerant adds, for term t, the units whose title or tag t
// abbreviates, and the units holding a word t is a typo of, to the term's
// scores (see matchWords).
// Typos are only looked for when t is not known: neither a word of the
// library nor the start of one (see knows), so what was typed exactly is
// never drowned by what it might have meant.
func (ix *Index) matchTolerant(t string, known bool, sc *scratch) {
	for _, ui := range ix.tolerant.acronyms[t] {
		sc.raise(ui, acronymScore)
	}
	if known {
		return
	}
	ix.typos(t, func(i int) {
		for _, ui := range ix.postings[i] {
			sc.raise(ui, typoScore)
		}
	})
}

// raise sets unit ui's score for the current term to at least s.
func (sc *scratch) raise(ui int32, s int32) {
	switch cur := sc.termScore[ui]; {
	case cur == 0:
		sc.termTouched = append(sc.termTouched, ui)
		sc.termScore[ui] = s
	case s > cur:
		sc.termScore[ui] = s
	}
}

// knows reports whether t is a word of the index or the start of one.
func (ix *Index) knows(t string) bool {
	i := sort.SearchStrings(ix.vocab, t)
	return i < len(ix.vocab) && strings.HasPrefix(ix.vocab[i], t)
}

// typos calls visit with every vocabulary word that t is one edit away
// from (a letter added, left out, changed, or two neighbours swapped),
// when t has at least minTypoLen letters.
func (ix *Index) typos(t string, visit func(int)) {
	if len(t) < minTypoLen {
		return
	}
	tm := charMask(t)
	for n := len(t) - 1; n <= len(t)+1 && n < len(ix.tolerant.byLen); n++ {
		for _, w := range ix.tolerant.byLen[n] {
			// One edit takes away at most one kind of character and adds
			// at most one.
			if bits.OnesCount64(tm&^w.mask) > 1 || bits.OnesCount64(w.mask&^tm) > 1 {
				continue
			}
			if oneEdit(t, ix.vocab[w.id]) {
				visit(int(w.id))
			}
		}
	}
}

// oneEdit reports whether a and b differ by exactly one byte inserted,
// deleted or changed, or two adjacent bytes swapped.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	switch len(b) - len(a) {
	case 0:
		if i == len(a) {
			return false // the same
		}
		return a[i+1:] == b[i+1:] ||
			i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		return a[i:] == b[i+1:]
	}
	return false
}

// typoPositions returns the byte offsets of the first word of u that t is
// a typo of, or nil: what a typo matched is shown as that whole word.
func typoPositions(u *unit, t string) []int {
	if len(t) < minTypoLen || len(u.lower) != len(u.text) {
		return nil
	}
	var m []int
	start := -1
	for i := 0; i <= len(u.lower) && m == nil; i++ {
		if i < len(u.lower) && isWordByte(u.lower[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && oneEdit(t, u.lower[start:i]) {
			for j := start; j < i; j++ {
				m = append(m, j)
			}
		}
		start = -1
	}
	return m
}
