package guides

import (
	"fmt"
	"testing"

	"pathways/guides/guidestest"
)

// BenchmarkScaleLoad is what every command and the browser do first: a
// lazy load of the embedded guides, alone and beside a folder of
// generated ones on disk (guidestest.LargeSize; see the Scale benchmarks
// in cmd/pathways).
func BenchmarkScaleLoad(b *testing.B) {
	n := guidestest.LargeSize()
	dir, err := guidestest.SyntheticDir(n, 1)
	if err != nil {
		b.Fatal(err)
	}
	embedded := len(LoadEmbedded().Guides())
	for _, c := range []struct {
		total int
		dirs  []Dir
	}{
		{embedded, []Dir{Embedded()}},
		{embedded + n, []Dir{Embedded(), OSDir(dir)}},
	} {
		b.Run(fmt.Sprintf("guides=%d", c.total), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if lib := Load(c.dirs, Options{Lazy: true}); len(lib.Guides()) != c.total {
					b.Fatalf("%d guides, want %d", len(lib.Guides()), c.total)
				}
			}
		})
	}
}
