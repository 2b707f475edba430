package search

import (
	"slices"
	"strings"
	"testing"

	"pathways/guides"
)

// TestSearchTyposAndAcronyms: a word with one letter missing, extra,
// wrong or swapped, or the initials of a guide's title, finds that guide
// first.
func TestSearchTyposAndAcronyms(t *testing.T) {
	ix := NewIndex(guides.LoadEmbedded())
	tests := []struct{ query, first string }{
		{"lmai", "lmia-work-permit-canada"},
		{"spousl", "spousal-open-work-permit"},
		{"bridgng", "bridging-open-work-permit"},
		{"briding", "bridging-open-work-permit"},
		{"provincal nominee", "provincial-nominee-programs"},
		{"glosary", "glossary"},
		{"atlantc", "atlantic-immigration-program"},
		{"owp", "open-work-permit-canada"},
		{"sowp", "spousal-open-work-permit"},
		{"pgwp", "post-graduation-work-permit"},
		{"bowp", "bridging-open-work-permit"},
		{"cec", "canadian-experience-class"},
		{"crs", "crs-comprehensive-ranking-system"},
		{"pnp", "provincial-nominee-programs"},
		{"aip", "atlantic-immigration-program"},
		{"OWP", "open-work-permit-canada"},
	}
	for _, tt := range tests {
		res := ix.Search(tt.query, 5)
		if len(res) == 0 {
			t.Errorf("%q: no results, want %s", tt.query, tt.first)
			continue
		}
		if res[0].Guide.Slug != tt.first {
			var got []string
			for _, r := range res {
				got = append(got, r.Guide.Slug)
			}
			t.Errorf("%q: results %v, want %s first", tt.query, got, tt.first)
		}
	}
}

// TestSearchExactOutranksTypo: a word that is in the library is searched
// as typed. Each query here is one edit from a word in another guide's
// title or tags ("finds" from "proof of funds"); that guide must not come
// before any guide holding the query itself.
func TestSearchExactOutranksTypo(t *testing.T) {
	ix := NewIndex(guides.LoadEmbedded())
	holds := func(g *guides.Guide, w string) bool {
		for i := range ix.units {
			u := &ix.units[i]
			if ix.guides[u.guide] != g {
				continue
			}
			found := false
			forEachWord(u.lower, func(x string) { found = found || x == w })
			if found {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct{ query, typoOf, guide string }{
		{"finds", "funds", "express-entry-strategy"},
		{"states", "status", "employer-specific-work-permit"},
		{"form", "from", "temporary-to-permanent-residence"},
	} {
		g, ok := ix.guideBySlug(tt.guide)
		if !ok || holds(g, tt.query) || !holds(g, tt.typoOf) || !oneEdit(tt.query, tt.typoOf) {
			t.Fatalf("%q: the library no longer has %s holding %q and not %q", tt.query, tt.guide, tt.typoOf, tt.query)
		}
		res := ix.Search(tt.query, 0)
		if len(res) == 0 || !holds(res[0].Guide, tt.query) {
			t.Errorf("%q: first result does not hold the word", tt.query)
			continue
		}
		typoAt := slices.IndexFunc(res, func(r Result) bool { return r.Guide == g })
		if typoAt < 0 {
			continue
		}
		for _, r := range res[typoAt:] {
			if holds(r.Guide, tt.query) {
				t.Errorf("%q: %s (only %q) ranks above %s, which holds %q", tt.query, tt.guide, tt.typoOf, r.Guide.Slug, tt.query)
			}
		}
	}
}

func (ix *Index) guideBySlug(slug string) (*guides.Guide, bool) {
	for _, g := range ix.guides {
		if g.Slug == slug {
			return g, true
		}
	}
	return nil, false
}

// TestTyposShortTerms: terms under four letters have no typos, even one
// edit from a word ("pnx" from "pnp", "teex" from "teer" does).
func TestTyposShortTerms(t *testing.T) {
	ix := NewIndex(guides.LoadEmbedded())
	for _, q := range []string{"pnx", "crz", "cex", "lmi", "wrk"} {
		ix.typos(q, func(i int) { t.Errorf("%q: typo of %q", q, ix.vocab[i]) })
	}
	var got []string
	ix.typos("teex", func(i int) { got = append(got, ix.vocab[i]) })
	if !slices.Contains(got, "teer") {
		t.Errorf("teex: typos %q, want teer among them", got)
	}
}

// TestTyposMatchScan checks the length and letter prefilter against a
// scan of the whole vocabulary with oneEdit, for terms made by editing
// words of the embedded index.
func TestTyposMatchScan(t *testing.T) {
	ix := NewIndex(guides.LoadEmbedded())
	checked := 0
	for k, w := range ix.vocab {
		if k%7 != 0 || len(w) < 3 {
			continue
		}
		for _, term := range []string{w[1:], w[:len(w)-1] + "q", w + "e", w[:1] + w[2:3] + w[1:2] + w[3:], "x" + w} {
			if len(term) < minTypoLen {
				continue
			}
			var got, want []int
			ix.typos(term, func(i int) { got = append(got, i) })
			for i, v := range ix.vocab {
				if oneEdit(term, v) {
					want = append(want, i)
				}
			}
			if known := slices.ContainsFunc(ix.vocab, func(v string) bool { return strings.HasPrefix(v, term) }); known != ix.knows(term) {
				t.Fatalf("knows(%q) = %v, the vocabulary says %v", term, ix.knows(term), known)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("typos of %q: %q, want %q", term, words(ix, got), words(ix, want))
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d terms checked", checked)
	}
}

func words(ix *Index, ids []int) []string {
	var out []string
	for _, i := range ids {
		out = append(out, ix.vocab[i])
	}
	return out
}

func TestOneEdit(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"lmai", "lmia", true}, {"spousl", "spousal", true}, {"bridgng", "bridging", true},
		{"permit", "permut", true}, {"xpermit", "permit", true}, {"permitx", "permit", true},
		{"permit", "permit", false}, {"permit", "pemrti", false}, {"ab", "ba", true},
		{"abcd", "badc", false}, {"permit", "perm", false}, {"", "a", true}, {"abc", "acbd", false},
	} {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := oneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestAcronyms(t *testing.T) {
	for _, tt := range []struct{ s, all, content string }{
		{"open work permits", "owp", ""},
		{"post-graduation work permit (pgwp)", "pgwp", ""},
		{"employer-specific (closed) work permits", "eswp", ""},
		{"moving to canada with a job offer", "mtcwajo", "mcjo"},
		{"glossary", "g", ""},
		{"école québec", "", ""},
	} {
		all, content := acronyms(tt.s)
		if all != tt.all || content != tt.content {
			t.Errorf("acronyms(%q) = %q, %q, want %q, %q", tt.s, all, content, tt.all, tt.content)
		}
	}
}

// BenchmarkSearchTypos is a query with a typo or an acronym over the
// large corpus: the typo's candidates are looked for in the vocabulary.
func BenchmarkSearchTypos(b *testing.B) {
	ix := NewIndex(large(b))
	queries := []string{"lmai", "spousl open", "bridgng", "owp", "provincal nominee", "maintaned status"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Search(queries[i%len(queries)], 50)
		i++
	}
}
