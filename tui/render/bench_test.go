package render

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"pathways/guides"
)

// longest is the embedded guide with the most text.
func longest(lib *guides.Library) *guides.Guide {
	var g *guides.Guide
	for _, x := range lib.Guides() {
		if g == nil || len(x.Body) > len(g.Body) {
			g = x
		}
	}
	return g
}

// BenchmarkRenderGuide renders the longest embedded guide at width 80 with
// a warm renderer; nothing is cached.
func BenchmarkRenderGuide(b *testing.B) {
	lib := guides.LoadEmbedded()
	g := longest(lib)
	r, err := New(lib, "dark", 80)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := r.Render(g); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(g); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHostileGuide loads, renders in the reader and prints (styled
// show) one hostile guide of about 2 MiB: each must stay well under a
// second (issue 12).
func BenchmarkHostileGuide(b *testing.B) {
	var defs, tables strings.Builder
	for i := range 100000 {
		fmt.Fprintf(&defs, "[r%d]: /x\n", i)
	}
	for range 60000 {
		tables.WriteString("| a | b |\n|---|---|\n| c | d |\n\n")
	}
	for _, c := range []struct{ name, body string }{
		{"ref-definitions", defs.String()},
		{"tables", tables.String()},
		{"asterisks", strings.Repeat("*", 50000) + "\n\n" + strings.Repeat("*a ", 50000) + "\n"},
		{"char-references", strings.Repeat("&#27;[2J &#x202E; &NoBreak; ", 60000) + "\n"},
	} {
		data := "---\ntitle: Hostile\nsummary: s\nreviewed: 2026-01-01\n---\n" + c.body
		fsys := fstest.MapFS{"hostile.md": {Data: []byte(data)}}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				lib := guides.Load([]guides.Dir{{FS: fsys, Name: "hostile"}}, guides.Options{})
				g, ok := lib.Guide("hostile")
				if !ok {
					b.Fatal(lib.Problems())
				}
				r, err := New(lib, "dark", 80)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.Render(g); err != nil {
					b.Fatal(err)
				}
				if _, err := r.Text(g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
