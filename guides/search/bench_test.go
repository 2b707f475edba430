package search

import (
	"sync"
	"testing"

	"pathways/guides"
	"pathways/guides/guidestest"
)

// benchQueries are realistic queries, typed the way people type them.
var benchQueries = []string{
	"lmia", "spousal open", "pgwp language", "crs points", "bridging", "tr to pr",
	"maintained status", "job offer", "express entry draw", "teer", "proof of funds", "provincial nominee",
}

var (
	largeOnce sync.Once
	largeLib  *guides.Library
)

// large is the 2,000-guide synthetic library with the embedded guides,
// generated once per run.
func large(b *testing.B) *guides.Library {
	b.Helper()
	largeOnce.Do(func() {
		dir := guides.Dir{FS: guidestest.SyntheticCorpus(2000, 1), Name: "synthetic"}
		largeLib = guides.Load([]guides.Dir{guides.Embedded(), dir}, guides.Options{})
	})
	return largeLib
}

// BenchmarkLoadEmbedded parses, validates and indexes the embedded guides.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(guides.LoadEmbedded())
	}
}

// BenchmarkLoadLarge does the same for the 2,000-guide synthetic library.
func BenchmarkLoadLarge(b *testing.B) {
	dir := guides.Dir{FS: guidestest.SyntheticCorpus(2000, 1), Name: "synthetic"}
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(guides.Load([]guides.Dir{guides.Embedded(), dir}, guides.Options{}))
	}
}

func benchSearch(b *testing.B, ix *Index) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Search(benchQueries[i%len(benchQueries)], 50)
		i++
	}
}

func BenchmarkSearchEmbedded(b *testing.B) { benchSearch(b, NewIndex(guides.LoadEmbedded())) }

func BenchmarkSearchLarge(b *testing.B) {
	lib := large(b)
	benchSearch(b, NewIndex(lib))
}

// BenchmarkSearchTyping is one keystroke while a query is typed letter by
// letter over the large corpus: each op is one prefix of a query.
func BenchmarkSearchTyping(b *testing.B) {
	lib := large(b)
	ix := NewIndex(lib)
	var prefixes []string
	for _, q := range benchQueries {
		for i := 1; i <= len(q); i++ {
			prefixes = append(prefixes, q[:i])
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Search(prefixes[i%len(prefixes)], 50)
		i++
	}
}
