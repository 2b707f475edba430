package render

import (
	"testing"

	"charm.land/glamour/v2"

	"pathways/assets"
	"pathways/guides"
)

// BenchmarkGlamourOnly is glamour alone on the longest guide's marked-up
// page: the floor under BenchmarkRenderGuide.
func BenchmarkGlamourOnly(b *testing.B) {
	lib := guides.LoadEmbedded()
	g := longest(lib)
	md, _ := lib.Mark(lib.Page(g), guides.MarkInline)
	cfg, _ := assets.GlamourStyle("dark")
	tr, _ := glamour.NewTermRenderer(glamour.WithStyles(cfg), glamour.WithWordWrap(80), glamour.WithInlineTableLinks(true))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tr.Render(md); err != nil {
			b.Fatal(err)
		}
	}
}
