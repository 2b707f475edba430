// Package search is the search pane's index and ranking over a guides
// library: an inverted word index of titles, tags, summaries, headings and
// text, searched by word prefix and substring. It must not import package
// tui or anything that draws.
package search

import (
	"cmp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"pathways/guides"
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

var fieldWeight = [...]int32{FieldTitle: 60, FieldTag: 45, FieldHeading: 40, FieldSummary: 30, FieldText: 12}

func (f Field) String() string {
	return [...]string{"title", "tag", "heading", "summary", "text"}[f]
}

// Result is one guide that matched a query, at its best-matching place.
type Result struct {
	Guide *guides.Guide
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
	lower   string // lowercased text (same byte offsets when ASCII-foldable)
	mask    uint64
}

// Index is the search index over a library. Every title, tag, heading,
// summary and piece of body text is a unit; each word of every unit is in
// an inverted index, so a query looks at the units holding its words and
// never scans the library's text.
type Index struct {
	guides []*guides.Guide
	// base is the library position of guides[0]: an index may be one part
	// of a library (see Progressive).
	base  int
	units []unit
	// vocab is every word, sorted; postings[i] the units holding vocab[i],
	// ascending and without repeats.
	vocab []string
	// joined is the vocabulary in one string, each word followed by a
	// newline, and starts[i] where vocab[i] begins in it: the words that
	// contain a string are found by searching joined once.
	joined   string
	starts   []int32
	postings [][]int32
	// unitGuide and unitField repeat each unit's guide and field in compact
	// arrays: the scoring loop touches them for every posting.
	unitGuide []int32
	unitField []Field
	// short lists the units of short fields, which also match fuzzily.
	short []int32
	// tolerant finds acronyms and typos (see tolerant.go).
	tolerant tolerant
	// pool holds scratch space, so concurrent searches each have their own.
	pool sync.Pool
}

// NewIndex indexes every guide of lib (reading the text a lazy library
// left for later). The text of the units is prepared and inverted on
// every core.
func NewIndex(lib *guides.Library) *Index {
	guides.Prepare(lib.Guides())
	return build(lib.Guides(), 0, true)
}

// build indexes gs, which start at position base in their library: their
// titles, tags and summaries, and when whole is set (and the guides are
// prepared) their headings and text.
func build(gs []*guides.Guide, base int, whole bool) *Index {
	ix := &Index{guides: gs, base: base}
	n := 0
	blocks := make([][]guides.Block, len(ix.guides))
	headingsOf := make([][]guides.Heading, len(ix.guides))
	for gi, g := range ix.guides {
		if whole {
			blocks[gi], headingsOf[gi] = g.TextBlocks(), g.Headings()
		}
		n += 3 + len(g.Tags) + len(headingsOf[gi]) + len(blocks[gi])
	}
	ix.units = make([]unit, 0, n)
	ix.unitGuide = make([]int32, 0, n)
	ix.unitField = make([]Field, 0, n)
	for gi, g := range ix.guides {
		add := func(f Field, section int, text string) {
			if text == "" {
				return
			}
			if f != FieldText {
				ix.short = append(ix.short, int32(len(ix.units)))
			}
			ix.units = append(ix.units, unit{guide: int32(gi), field: f, section: int16(min(section, 1<<15-1)), text: text})
			ix.unitGuide = append(ix.unitGuide, int32(gi))
			ix.unitField = append(ix.unitField, f)
		}
		add(FieldTitle, -1, g.Title)
		for _, t := range g.Tags {
			add(FieldTag, -1, t)
		}
		add(FieldSummary, -1, g.Summary)
		headings := headingsOf[gi]
		for hi, h := range headings {
			add(FieldHeading, hi, h.Text)
		}
		hi := -1
		for _, b := range blocks[gi] {
			for hi+1 < len(headings) && headings[hi+1].Offset <= b.Offset {
				hi++
			}
			add(FieldText, hi, b.Text)
		}
	}
	ix.vocab, ix.postings = invert(ix.units, min(runtime.GOMAXPROCS(0), 4, max(1, len(ix.units)/400)))
	var b strings.Builder
	size := 0
	for _, w := range ix.vocab {
		size += len(w) + 1
	}
	b.Grow(size)
	ix.starts = make([]int32, len(ix.vocab))
	for i, w := range ix.vocab {
		ix.starts[i] = int32(b.Len())
		b.WriteString(w)
		b.WriteByte('\n')
	}
	ix.joined = b.String()
	ix.tolerant = ix.buildTolerant()
	return ix
}

// invert lowercases the units and builds the inverted index: every word of
// the units, sorted, with the ascending units that hold it. The units are
// split between the cores; each part collects (word, unit) pairs, and the
// parts are merged in order, so each word's units stay sorted. The postings
// share one array. n is the number of parts.
func invert(units []unit, n int) ([]string, [][]int32) {
	parts := make([]invertPart, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { parts[i] = collectWords(units, i*len(units)/n, (i+1)*len(units)/n) })
	}
	wg.Wait()

	// Global word ids in sorted order: each part sorted its own words, so
	// the vocabulary is a merge of the parts' sorted lists, and locals maps
	// each part's word ids to the global ones.
	locals := make([][]int32, len(parts))
	pos := make([]int, len(parts))
	total := 0
	for pi, p := range parts {
		locals[pi] = make([]int32, len(p.words))
		total += len(p.words)
	}
	vocab := make([]string, 0, total)
	for {
		best := -1
		for pi, p := range parts {
			if pos[pi] < len(p.order) && (best < 0 || p.words[p.order[pos[pi]]] < parts[best].words[parts[best].order[pos[best]]]) {
				best = pi
			}
		}
		if best < 0 {
			break
		}
		w := parts[best].words[parts[best].order[pos[best]]]
		if len(vocab) == 0 || vocab[len(vocab)-1] != w {
			vocab = append(vocab, w)
		}
		locals[best][parts[best].order[pos[best]]] = int32(len(vocab) - 1)
		pos[best]++
	}
	// Count, then place each part's pairs in part order; within a part
	// units ascend, so every posting list comes out sorted. A unit may
	// repeat a word (not next to itself), so repeats are dropped on the way.
	counts := make([]int32, len(vocab)+1)
	for pi, p := range parts {
		local := locals[pi]
		for _, pr := range p.pairs {
			counts[local[pr>>32]+1]++
		}
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	flat := make([]int32, counts[len(vocab)])
	fill := slices.Clone(counts[:len(vocab)])
	for pi, p := range parts {
		local := locals[pi]
		for _, pr := range p.pairs {
			g, ui := local[pr>>32], int32(uint32(pr))
			if f := fill[g]; f > counts[g] && flat[f-1] == ui {
				continue
			}
			flat[fill[g]] = ui
			fill[g]++
		}
	}
	postings := make([][]int32, len(vocab))
	for i := range vocab {
		postings[i] = flat[counts[i]:fill[i]:fill[i]]
	}
	return vocab, postings
}

// invertPart is one part's words: ids are local to the part.
type invertPart struct {
	words []string
	order []int32  // local word ids in word order
	pairs []uint64 // local word id << 32 | unit
}

// collectWords lowercases units[lo:hi], sets their lower text and character
// masks, and collects their words, all in one pass over the text. The
// part's lowercased text shares one allocation.
func collectWords(units []unit, lo, hi int) invertPart {
	size := 0
	for ui := lo; ui < hi; ui++ {
		size += len(units[ui].text)
	}
	c := wordCollector{
		ids:   make(map[string]int32, 1024),
		pairs: make([]uint64, 0, size/5),
	}
	c.buf.Grow(size + size/16)
	ends := make([]int, hi-lo)
	for ui := lo; ui < hi; ui++ {
		units[ui].mask = c.scan(units[ui].text, uint64(ui))
		ends[ui-lo] = c.buf.Len()
	}
	lowered := c.buf.String()
	for ui := lo; ui < hi; ui++ {
		from := 0
		if ui > lo {
			from = ends[ui-lo-1]
		}
		units[ui].lower = lowered[from:ends[ui-lo]]
	}
	p := invertPart{pairs: c.pairs, words: c.words, order: make([]int32, len(c.words))}
	// Sorting compares the words' first eight bytes as numbers, and whole
	// words only where those tie.
	keyed := make([]keyedWord, len(c.words))
	for id, w := range c.words {
		keyed[id] = keyedWord{prefix: prefixKey(w), id: int32(id)}
	}
	slices.SortFunc(keyed, func(a, b keyedWord) int {
		if a.prefix != b.prefix {
			return cmp.Compare(a.prefix, b.prefix)
		}
		return strings.Compare(p.words[a.id], p.words[b.id])
	})
	for i, k := range keyed {
		p.order[i] = k.id
	}
	return p
}

type keyedWord struct {
	prefix uint64
	id     int32
}

// prefixKey is w's first eight bytes, big-endian and zero-padded, so keys
// order as the words do (up to ties).
func prefixKey(w string) uint64 {
	var k uint64
	for i := range 8 {
		k <<= 8
		if i < len(w) {
			k |= uint64(w[i])
		}
	}
	return k
}

// wordCollector gathers the lowercased text and the words of units. The
// words are pieces of the text (a builder's string stays valid as more is
// written), so collecting them copies nothing.
type wordCollector struct {
	buf   strings.Builder
	ids   map[string]int32
	words []string // by id
	pairs []uint64 // word id << 32 | unit
	last  int32    // the last word id paired with the current unit
}

// scan appends text lowercased (as strings.ToLower does) to buf, pairs each
// of its words with unit ui, and returns its character mask (see charMask).
func (c *wordCollector) scan(text string, ui uint64) uint64 {
	var mask uint64
	c.last = -1
	start := -1
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			switch {
			case 'a' <= b && b <= 'z':
				mask |= 1 << (b - 'a')
			case 'A' <= b && b <= 'Z':
				b += 'a' - 'A'
				mask |= 1 << (b - 'a')
			case '0' <= b && b <= '9':
				mask |= 1 << (26 + b - '0')
			default:
				if start >= 0 {
					c.word(start, c.buf.Len(), ui)
					start = -1
				}
				c.buf.WriteByte(b)
				i++
				continue
			}
			if start < 0 {
				start = c.buf.Len()
			}
			c.buf.WriteByte(b)
			i++
			continue
		}
		mask |= 1 << 63
		from := c.buf.Len()
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			c.buf.WriteRune(r) // as strings.ToLower does
		} else {
			c.buf.WriteRune(unicode.ToLower(r))
		}
		i += size
		// A lowercased rune may be ASCII (KELVIN SIGN is k).
		written := c.buf.String()
		for j := from; j < len(written); j++ {
			if isWordByte(written[j]) {
				if start < 0 {
					start = j
				}
			} else if start >= 0 {
				c.word(start, j, ui)
				start = -1
			}
		}
	}
	if start >= 0 {
		c.word(start, c.buf.Len(), ui)
	}
	return mask
}

// word pairs buf[start:end] with unit ui, once per run of the same word.
func (c *wordCollector) word(start, end int, ui uint64) {
	w := c.buf.String()[start:end]
	id, ok := c.ids[w]
	if !ok {
		id = int32(len(c.words))
		c.ids[w] = id
		c.words = append(c.words, w)
	}
	if id != c.last {
		c.pairs = append(c.pairs, uint64(id)<<32|ui)
		c.last = id
	}
}

// forEachWord calls f with each run of letters and digits in s.
func forEachWord(s string, f func(string)) {
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isWordByte(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(s[start:i])
			start = -1
		}
	}
}

// maxTerms bounds the work one query can ask for.
const maxTerms = 8

// queryTerms splits a query into lowercase words, as the index does.
func queryTerms(q string) []string {
	var out []string
	forEachWord(strings.ToLower(q), func(w string) {
		if len(out) < maxTerms && !slices.Contains(out, w) {
			out = append(out, w[:min(len(w), 64)])
		}
	})
	return out
}

// Search ranks guides for a query. Every word of the query must match in a
// guide: inside a word of its text (at the start of a word for one or two
// letters), or, in titles, tags, headings and summaries, also as a compact
// fuzzy match. A guide scores the best place for each word (a title
// outweighs body text), plus a bonus when one piece holds every word, more
// when in the order typed; the result shows that piece, or the best piece
// for the first word. Matched characters come from sahilm/fuzzy where the
// match is fuzzy. At most limit results (0: all).
func (ix *Index) Search(query string, limit int) []Result {
	terms := queryTerms(query)
	known := make([]bool, len(terms))
	for i, t := range terms {
		known[i] = ix.knows(t)
	}
	return ix.results(ix.rank(terms, known, limit, 0), terms)
}

// hit is one guide that matched, at its best unit.
type hit struct {
	guide, unit, score int32
}

// results are the hits as Results.
func (ix *Index) results(hits []hit, terms []string) []Result {
	out := make([]Result, len(hits))
	for i, h := range hits {
		out[i] = ix.result(h.unit, int(h.score), terms)
	}
	return out
}

// rank finds the best limit guides for terms (0: all), best first,
// leaving out the guides before library position skip. known[i] says
// whether terms[i] is a word of the library, or the start of one, as a
// whole: only the others may match as typos.
func (ix *Index) rank(terms []string, known []bool, limit, skip int) []hit {
	if len(terms) == 0 || len(ix.units) == 0 {
		return nil
	}
	nt := len(terms)
	full := uint8(1<<nt - 1)

	sc := ix.getScratch()
	defer ix.putScratch(sc)
	// Per guide and term: the best score, and for term 0 the best unit.
	best := make([]int32, len(ix.guides)*nt)
	firstUnit := make([]int32, len(ix.guides))

	for ti, t := range terms {
		sc.termTouched = sc.termTouched[:0]
		ix.matchWords(t, sc)
		ix.matchTolerant(t, known[ti], sc)
		if len(t) >= 3 {
			tm := charMask(t)
			for _, ui := range ix.short {
				u := &ix.units[ui]
				if tm&^u.mask == 0 && sc.termScore[ui] == 0 && compactSubsequence(u.lower, t) {
					sc.termScore[ui] = 5
					sc.termTouched = append(sc.termTouched, ui)
				}
			}
		}
		for _, ui := range sc.termTouched {
			s := sc.termScore[ui] + fieldWeight[ix.unitField[ui]]
			sc.termScore[ui] = 0
			if sc.unitTerms[ui] == 0 {
				sc.touched = append(sc.touched, ui)
			}
			sc.unitTerms[ui] |= 1 << ti
			sc.unitScore[ui] += s
			g := ix.unitGuide[ui]
			if k := int(g)*nt + ti; s > best[k] {
				best[k] = s
				if ti == 0 {
					firstUnit[g] = ui
				}
			}
		}
	}

	// Guides that matched every term, and their best all-terms unit.
	phrase := strings.Join(terms, " ")
	allUnit := make([]int32, len(ix.guides))
	allScore := make([]int32, len(ix.guides))
	for _, ui := range sc.touched {
		if sc.unitTerms[ui] != full {
			continue
		}
		g := ix.unitGuide[ui]
		s := sc.unitScore[ui]
		// The phrase is only looked for where it could make this unit the
		// guide's best.
		if nt > 1 && s+40 > allScore[g] && strings.Contains(ix.units[ui].lower, phrase) {
			s += 40 // the words in order, as typed
		}
		if cur := allScore[g]; s > cur || s == cur && ui < allUnit[g] {
			allScore[g], allUnit[g] = s, ui
		}
	}
	var hits []hit
	for gi := max(0, skip-ix.base); gi < len(ix.guides); gi++ {
		total := int32(0)
		for ti := range nt {
			s := best[gi*nt+ti]
			if s == 0 {
				total = -1
				break
			}
			total += s
		}
		if total < 0 {
			continue
		}
		h := hit{guide: int32(gi), unit: firstUnit[gi], score: total}
		if allScore[gi] > 0 {
			h.unit = allUnit[gi]
			h.score += 20
		}
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			return int(b.score - a.score)
		}
		return int(a.guide - b.guide)
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

// scratch is the per-unit working memory of one search, kept between
// searches so a query allocates little; every entry is zero between uses.
type scratch struct {
	termScore   []int32 // this term's score per unit
	termTouched []int32 // units with a termScore
	unitTerms   []uint8 // terms matched per unit (bit per term)
	unitScore   []int32 // summed score per unit
	touched     []int32 // units with unitTerms set
}

func (ix *Index) getScratch() *scratch {
	if sc, ok := ix.pool.Get().(*scratch); ok {
		return sc
	}
	n := len(ix.units)
	return &scratch{termScore: make([]int32, n), unitTerms: make([]uint8, n), unitScore: make([]int32, n)}
}

func (ix *Index) putScratch(sc *scratch) {
	for _, ui := range sc.touched {
		sc.unitTerms[ui], sc.unitScore[ui] = 0, 0
	}
	sc.touched = sc.touched[:0]
	ix.pool.Put(sc)
}

// matchWords scores, for every unit holding a word that contains t, how
// well t matches there: inside a word 20, at its start 30, the whole word
// 40. One or two letters only match at the start of words.
func (ix *Index) matchWords(t string, sc *scratch) {
	visit := func(i int) {
		w := ix.vocab[i]
		var s int32
		switch {
		case w == t:
			s = 40
		case strings.HasPrefix(w, t):
			s = 30
		case len(t) >= 3 && strings.Contains(w, t):
			s = 20
		default:
			return
		}
		for _, ui := range ix.postings[i] {
			sc.raise(ui, s)
		}
	}
	if len(t) < 3 {
		// Prefix matches are a range of the sorted vocabulary.
		for i := sort.SearchStrings(ix.vocab, t); i < len(ix.vocab) && strings.HasPrefix(ix.vocab[i], t); i++ {
			visit(i)
		}
		return
	}
	ix.containing(t, visit)
}

// containing calls visit with every word of the vocabulary that contains
// t (which holds no newline), in vocabulary order. Each match lies inside
// one word; after a match, the search resumes at the next word.
func (ix *Index) containing(t string, visit func(int)) {
	for from := 0; from < len(ix.joined); {
		at := strings.Index(ix.joined[from:], t)
		if at < 0 {
			return
		}
		at += from
		i := sort.Search(len(ix.starts), func(k int) bool { return int(ix.starts[k]) > at }) - 1
		visit(i)
		from = int(ix.starts[i]) + len(ix.vocab[i]) + 1
	}
}

// compactSubsequence reports whether the letters of t appear in order in s
// within about twice t's length: "postgrad" in "post-graduation".
func compactSubsequence(s, t string) bool {
	limit := 2*len(t) + 2
	for start := strings.IndexByte(s, t[0]); start >= 0; {
		j, i := 1, start+1
		for ; i < len(s) && j < len(t) && i-start < limit; i++ {
			if s[i] == t[j] {
				j++
			}
		}
		if j == len(t) {
			return true
		}
		next := strings.IndexByte(s[start+1:], t[0])
		if next < 0 {
			break
		}
		start += 1 + next
	}
	return false
}

// result builds the Result for a unit, with the matched characters.
func (ix *Index) result(ui int32, score int, terms []string) Result {
	u := &ix.units[ui]
	g := ix.guides[u.guide]
	r := Result{Guide: g, Field: u.field, Text: u.text, Score: score}
	if u.section >= 0 {
		h := g.Headings()[u.section]
		r.Anchor, r.Heading = h.Anchor, h.Text
	}
	for _, t := range terms {
		r.Matches = append(r.Matches, matchPositions(u, t)...)
	}
	slices.Sort(r.Matches)
	r.Matches = slices.Compact(r.Matches)
	return r
}

// matchPositions finds where t matched in a unit: a substring, best at the
// start of a word, else sahilm/fuzzy's matched characters.
func matchPositions(u *unit, t string) []int {
	if len(u.lower) == len(u.text) {
		if i := bestSubstring(u.lower, t); i >= 0 {
			m := make([]int, len(t))
			for j := range m {
				m[j] = i + j
			}
			return m
		}
	}
	if m := typoPositions(u, t); m != nil {
		return m
	}
	if found := fuzzy.FindNoSort(t, []string{u.text}); len(found) > 0 {
		return found[0].MatchedIndexes
	}
	return nil
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
