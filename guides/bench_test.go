package guides

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/fstest"
)

// benchQueries are realistic queries, typed the way people type them.
var benchQueries = []string{
	"lmia", "spousal open", "pgwp language", "crs points", "bridging", "tr to pr",
	"maintained status", "job offer", "express entry draw", "teer", "proof of funds", "provincial nominee",
}

var (
	largeOnce sync.Once
	largeDir  Dir
	largeLib  *Library
)

// large is the 2,000-guide synthetic corpus, generated once per run.
func large(b *testing.B) (Dir, *Library) {
	b.Helper()
	largeOnce.Do(func() {
		largeDir = Dir{FS: SyntheticCorpus(2000, 1), Name: "synthetic"}
		largeLib = Load([]Dir{Embedded(), largeDir}, Options{})
	})
	return largeDir, largeLib
}

func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lib := LoadEmbedded()
		NewIndex(lib)
	}
}

func BenchmarkLoadLarge(b *testing.B) {
	dir, _ := large(b)
	b.ReportAllocs()
	for b.Loop() {
		lib := Load([]Dir{Embedded(), dir}, Options{})
		NewIndex(lib)
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

func BenchmarkSearchEmbedded(b *testing.B) { benchSearch(b, NewIndex(LoadEmbedded())) }

func BenchmarkSearchLarge(b *testing.B) {
	_, lib := large(b)
	benchSearch(b, NewIndex(lib))
}

// BenchmarkSearchTyping is one keystroke while a query is typed letter by
// letter over the large corpus: each op is one prefix of a query.
func BenchmarkSearchTyping(b *testing.B) {
	_, lib := large(b)
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

// withBrokenLinks adds one link to a missing guide to every guide of fs.
func withBrokenLinks(fs fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for name, f := range fs {
		data := append(slices.Clone(f.Data), fmt.Sprintf("\nSee [the missing guide](/synthetic-guide-%04dx).\n", len(out))...)
		out[name] = &fstest.MapFile{Data: data}
	}
	return out
}

// BenchmarkLoadBrokenLinks loads 20,000 guides, clean and with one broken
// link each: the two must take the same order of time (a "did you mean"
// per broken link once made the second quadratic).
func BenchmarkLoadBrokenLinks(b *testing.B) {
	clean := SyntheticCorpus(20000, 1)
	for _, c := range []struct {
		name string
		fs   fstest.MapFS
	}{{"clean", clean}, {"broken", withBrokenLinks(clean)}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				lib := Load([]Dir{{FS: c.fs, Name: "synthetic"}}, Options{})
				if c.name == "broken" && len(lib.Problems()) < 20000 {
					b.Fatalf("%d problems, want at least one per guide", len(lib.Problems()))
				}
			}
		})
	}
}
