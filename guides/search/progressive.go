package search

import (
	"slices"

	"pathways/guides"
)

// Progressive is an index built in steps, so a browser can search a large
// library before all of it has been read: first the titles, tags and
// summaries of every guide (front matter, which a lazy load has already
// read), then whole guides, a part at a time, in library order. A search
// answers from what is indexed so far; its ranking is that of one Index
// over the whole library once every part is in.
//
// A Progressive is never changed: Next returns a new one, so a search
// may run on one while the next part is built.
type Progressive struct {
	all []*guides.Guide
	// headers indexes the front matter of every guide; it answers for the
	// guides no part holds yet.
	headers *Index
	// parts index whole guides: all[:done], in order.
	parts []*Index
	done  int
}

// StartIndex indexes the titles, tags and summaries of every guide of lib.
func StartIndex(lib *guides.Library) *Progressive {
	all := lib.Guides()
	return &Progressive{all: all, headers: build(all, 0, false)}
}

// Next indexes the next n guides whole (reading and analysing them if a
// lazy load left them for later) and returns the index with them in.
func (p *Progressive) Next(n int) *Progressive {
	end := min(len(p.all), p.done+max(n, 1))
	gs := p.all[p.done:end]
	guides.Prepare(gs)
	next := *p
	next.parts = append(slices.Clip(p.parts), build(gs, p.done, true))
	next.done = end
	return &next
}

// Indexed is how many guides are indexed whole, of how many.
func (p *Progressive) Indexed() (done, total int) { return p.done, len(p.all) }

// Complete reports whether every guide is indexed whole.
func (p *Progressive) Complete() bool { return p.done == len(p.all) }

// Search is Index.Search over what is indexed so far: whole guides, and
// the front matter of the rest.
func (p *Progressive) Search(query string, limit int) []Result {
	terms := queryTerms(query)
	known := make([]bool, len(terms))
	for i, t := range terms {
		known[i] = p.headers.knows(t)
		for _, part := range p.parts {
			known[i] = known[i] || part.knows(t)
		}
	}
	type found struct {
		ix *Index
		h  hit
	}
	var all []found
	collect := func(ix *Index, skip int) {
		for _, h := range ix.rank(terms, known, limit, skip) {
			all = append(all, found{ix, h})
		}
	}
	for _, part := range p.parts {
		collect(part, 0)
	}
	if !p.Complete() {
		collect(p.headers, p.done)
	}
	// The order of one index over the library: score, then library order.
	slices.SortFunc(all, func(a, b found) int {
		if a.h.score != b.h.score {
			return int(b.h.score - a.h.score)
		}
		return (a.ix.base + int(a.h.guide)) - (b.ix.base + int(b.h.guide))
	})
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	out := make([]Result, len(all))
	for i, f := range all {
		out[i] = f.ix.result(f.h.unit, int(f.h.score), terms)
	}
	return out
}
