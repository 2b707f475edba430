package render

import (
	"regexp"
	"strings"
	"testing"

	"pathways/guides"
)

// TestSectionRenderingMatchesWhole renders every embedded guide whole and in
// sections at the same time: the lines shown, styles and all, are the same.
func TestSectionRenderingMatchesWhole(t *testing.T) {
	lib := guides.LoadEmbedded()
	for _, style := range []string{"dark", "notty"} {
		r, err := New(lib, style, 80)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range lib.Guides() {
			md, _ := lib.Mark(lib.Page(g), guides.MarkInline)
			out, err := r.tr.Render(beforeGlamour(md))
			if err != nil {
				t.Fatal(err)
			}
			whole := r.afterGlamour(trimBlankEdges(strings.Split(out, "\n")))
			if parts := splitSections(md, cores()); len(parts) < 2 {
				continue
			}
			split, err := r.renderSections(md)
			if err != nil {
				t.Fatal(err)
			}
			// Padding is trimmed from every line anyway (see locate), and
			// an empty styled span shows nothing.
			for i := range split {
				split[i] = emptySpan.ReplaceAllString(TrimPadding(split[i]), "")
			}
			for i := range whole {
				whole[i] = emptySpan.ReplaceAllString(TrimPadding(whole[i]), "")
			}
			if strings.Join(split, "\n") != strings.Join(whole, "\n") {
				for i := range min(len(split), len(whole)) {
					if split[i] != whole[i] {
						t.Errorf("%s/%s: line %d differs:\n split %q\n whole %q", style, g.Slug, i, split[i], whole[i])
						break
					}
				}
				if len(split) != len(whole) {
					t.Errorf("%s/%s: %d lines in sections, %d whole", style, g.Slug, len(split), len(whole))
				}
			}
		}
	}
}

var emptySpan = regexp.MustCompile(`\x1b\[[0-9;]*m\x1b\[m`)

func TestSplitSections(t *testing.T) {
	md := strings.Repeat("para\n\n", 1000) + "## A\n\ntext\n\n## B\n\n" + strings.Repeat("more\n\n", 1000)
	parts := splitSections(md, 2)
	if len(parts) != 2 || strings.Join(parts, "") != md || !strings.HasPrefix(parts[1], "## ") {
		t.Errorf("split into %d parts", len(parts))
	}
	for _, whole := range []string{"short\n\n## A\n", md + "\n[ref]: /x\n", md + "```\n## not a heading\n```\n"} {
		if parts := splitSections(whole, 2); len(parts) != 1 {
			t.Errorf("split a document that must stay whole into %d", len(parts))
		}
	}
}
