package guides

import (
	"fmt"
	"slices"
	"testing"
	"testing/fstest"

	"pathways/guides/guidestest"
)

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
	clean := guidestest.SyntheticCorpus(20000, 1)
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
