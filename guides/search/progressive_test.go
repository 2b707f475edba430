package search

import (
	"fmt"
	"testing"

	"pathways/guides"
	"pathways/guides/guidestest"
)

// describe is a result as a user sees it: where, what matched, how well.
func describe(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s#%s %s %q %d", r.Guide.Slug, r.Anchor, r.Field, r.Text, r.Score))
	}
	return out
}

// TestProgressiveSameAsWhole: once every part is in, a progressive index
// ranks exactly as one index over the library, whatever the part size.
func TestProgressiveSameAsWhole(t *testing.T) {
	dirs := []guides.Dir{guides.Embedded(), {FS: guidestest.SyntheticCorpus(60, 3), Name: "synthetic"}}
	whole := NewIndex(guides.Load(dirs, guides.Options{}))
	queries := append([]string{"permit", "work permit", "spousal", "crs points", "teer 4", "zzz", "a", "open work", "lmai", "sowp", "bridgng", "proof of funds"}, benchQueries...)
	for _, size := range []int{1, 7, 50, 1000} {
		p := StartIndex(guides.Load(dirs, guides.Options{Lazy: true}))
		for !p.Complete() {
			p = p.Next(size)
		}
		for _, q := range queries {
			for _, limit := range []int{0, 5} {
				want, got := describe(whole.Search(q, limit)), describe(p.Search(q, limit))
				if fmt.Sprint(want) != fmt.Sprint(got) {
					t.Errorf("parts of %d, %q limit %d:\nwhole %v\nparts %v", size, q, limit, want, got)
				}
			}
		}
	}
}

// TestProgressiveAnswersEarly: before any guide's text is indexed, a
// search finds guides by their titles, tags and summaries; text is found
// as the parts that hold it come in, and each step leaves the one before
// it as it was.
func TestProgressiveAnswersEarly(t *testing.T) {
	lib := guides.Load([]guides.Dir{guides.Embedded()}, guides.Options{Lazy: true})
	start := StartIndex(lib)
	if done, total := start.Indexed(); done != 0 || total != len(lib.Guides()) {
		t.Fatalf("indexed %d of %d at the start", done, total)
	}
	rs := start.Search("spousal", 10)
	if len(rs) == 0 || rs[0].Guide.Slug != "spousal-open-work-permit" {
		t.Errorf("a title word before any text was indexed: %v", describe(rs))
	}
	// "biometrics" is in the text of guides, in no title, tag or summary.
	if rs := start.Search("biometrics", 10); len(rs) != 0 {
		t.Errorf("body text found before it was indexed: %v", describe(rs))
	}
	p := start
	for !p.Complete() {
		p = p.Next(4)
	}
	if rs := p.Search("biometrics", 10); len(rs) == 0 {
		t.Error("body text not found once indexed")
	}
	if done, _ := start.Indexed(); done != 0 || len(start.Search("biometrics", 10)) != 0 {
		t.Error("Next changed the index it was called on")
	}
}
