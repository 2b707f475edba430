package search

import (
	"slices"
	"strings"
	"testing"

	"pathways/guides"
)

// TestSearchRanking pins what a reader should find first for the queries
// people type.
func TestSearchRanking(t *testing.T) {
	ix := NewIndex(guides.LoadEmbedded())
	tests := []struct {
		query string
		first string
		field Field // -1: any
	}{
		{"lmia", "lmia-work-permit-canada", FieldTitle},
		{"spousal", "spousal-open-work-permit", FieldTitle},
		{"spousal open", "spousal-open-work-permit", FieldTitle},
		{"pgwp", "post-graduation-work-permit", FieldTitle},
		{"pgwp language", "post-graduation-work-permit", 255},
		{"bridging", "bridging-open-work-permit", FieldTitle},
		{"crs points", "crs-comprehensive-ranking-system", 255},
		{"express entry", "express-entry-strategy", FieldTitle},
		{"provincial nominee", "provincial-nominee-programs", FieldTitle},
		{"glossary", "glossary", FieldTitle},
		{"cec", "canadian-experience-class", FieldTitle},
		{"closed permit", "employer-specific-work-permit", 255},
		{"job offer", "job-offer-canada-immigration", FieldTitle},
		{"LMIA-EXEMPT", "lmia-exempt-work-permits", FieldTitle},
		{"postgrad", "post-graduation-work-permit", FieldTitle},
		{"tr to pr", "temporary-to-permanent-residence", FieldTag},
		{"maintained status", "employer-specific-work-permit", 255},
		{"flagpoling", "employer-specific-work-permit", FieldTag},
	}
	for _, tt := range tests {
		res := ix.Search(tt.query, 5)
		if len(res) == 0 {
			t.Errorf("%q: no results", tt.query)
			continue
		}
		if res[0].Guide.Slug != tt.first {
			t.Errorf("%q: first result %s (%s %q), want %s", tt.query, res[0].Guide.Slug, res[0].Field, res[0].Text, tt.first)
		}
		if tt.field != 255 && res[0].Field != tt.field {
			t.Errorf("%q: first result matched in %s, want %s", tt.query, res[0].Field, tt.field)
		}
	}
}

func TestSearchSectionAndHighlights(t *testing.T) {
	ix := NewIndex(guides.LoadEmbedded())
	res := ix.Search("180 days", 0)
	if len(res) == 0 {
		t.Fatal("no results for 180 days")
	}
	var pgwp *Result
	for i := range res {
		if res[i].Guide.Slug == "post-graduation-work-permit" {
			pgwp = &res[i]
		}
	}
	if pgwp == nil {
		t.Fatalf("PGWP guide not found for '180 days': %v", res)
	}
	if pgwp.Anchor == "" || pgwp.Heading == "" {
		t.Errorf("body match has no section: %+v", pgwp)
	}
	if _, ok := pgwp.Guide.Heading(pgwp.Anchor); !ok {
		t.Errorf("anchor %q is not a heading of the guide", pgwp.Anchor)
	}
	var hl strings.Builder
	for _, m := range pgwp.Matches {
		hl.WriteByte(pgwp.Text[m])
	}
	if got := strings.ToLower(hl.String()); got != "180days" {
		t.Errorf("highlighted %q, want the letters of 180 days", got)
	}
}

func TestSearchNoMatch(t *testing.T) {
	ix := NewIndex(guides.LoadEmbedded())
	for _, q := range []string{"", "   ", "zzqqxx", "xq"} {
		if res := ix.Search(q, 0); len(res) != 0 {
			t.Errorf("%q: %d results, want none (first %s %q)", q, len(res), res[0].Guide.Slug, res[0].Text)
		}
	}
}

func TestSnippet(t *testing.T) {
	text := strings.Repeat("alpha ", 30) + "needle " + strings.Repeat("omega ", 30)
	i := strings.Index(text, "needle")
	r := Result{Text: text, Matches: []int{i, i + 1}}
	s, m := r.Snippet(60)
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") || len(s) > 60+2*len("…") {
		t.Errorf("snippet %q", s)
	}
	if len(m) != 2 || s[m[0]:m[0]+2] != "ne" {
		t.Errorf("matches %v do not point at the needle in %q", m, s)
	}
}

// TestInvertMatchesNaive: however the units are split between cores, each
// word's postings are exactly the units holding it, ascending, once each.
func TestInvertMatchesNaive(t *testing.T) {
	ix := NewIndex(guides.LoadEmbedded())
	base := make([]unit, len(ix.units))
	for i, u := range ix.units {
		base[i] = unit{text: u.text}
	}
	want := map[string][]int32{}
	for ui, u := range base {
		forEachWord(strings.ToLower(u.text), func(w string) {
			if l := want[w]; len(l) == 0 || l[len(l)-1] != int32(ui) {
				want[w] = append(l, int32(ui))
			}
		})
	}
	for _, n := range []int{1, 2, 3, 7} {
		units := slices.Clone(base)
		vocab, postings := invert(units, n)
		if !slices.IsSorted(vocab) || len(vocab) != len(want) {
			t.Fatalf("n=%d: %d words (sorted %v), want %d", n, len(vocab), slices.IsSorted(vocab), len(want))
		}
		for i, w := range vocab {
			if !slices.Equal(postings[i], want[w]) {
				t.Fatalf("n=%d: postings of %q = %v, want %v", n, w, postings[i], want[w])
			}
		}
		for i, u := range units {
			if u.lower != strings.ToLower(u.text) || u.mask != charMask(u.text) {
				t.Fatalf("n=%d: unit %d lowered to %q", n, i, u.lower)
			}
		}
	}
}

// TestCollectLowersAsToLower: the one-pass collector lowercases as
// strings.ToLower does and splits the words as forEachWord does, on text
// where that is hard (case changes that change length, a lowercase that
// is ASCII, invalid bytes).
func TestCollectLowersAsToLower(t *testing.T) {
	for _, s := range []string{"", "ABC def", "ÉCOLE Straße", "İSTANBUL ΣΑΣ", "bad \xff\xfe bytes", "ＦＵＬＬ", "ǅ ǈ", "\u212Aelvin 5\u212A"} {
		units := []unit{{text: s}}
		vocab, _ := invert(units, 1)
		if want := strings.ToLower(s); units[0].lower != want || units[0].mask != charMask(s) {
			t.Errorf("%q lowered to %q (mask %x), strings.ToLower gives %q (mask %x)", s, units[0].lower, units[0].mask, want, charMask(s))
		}
		var want []string
		forEachWord(strings.ToLower(s), func(w string) {
			if !slices.Contains(want, w) {
				want = append(want, w)
			}
		})
		slices.Sort(want)
		if !slices.Equal(vocab, want) && !(len(vocab) == 0 && len(want) == 0) {
			t.Errorf("words of %q: %q, want %q", s, vocab, want)
		}
	}
}

// TestContainingMatchesScan checks the joined-vocabulary search against a
// scan of every word, for every piece of every word of the embedded index
// (and pieces that span two words, which must find nothing new).
func TestContainingMatchesScan(t *testing.T) {
	ix := NewIndex(guides.LoadEmbedded())
	seen := map[string]bool{}
	check := func(term string) {
		if seen[term] || strings.Contains(term, "\n") {
			return
		}
		seen[term] = true
		var got, want []int
		ix.containing(term, func(i int) { got = append(got, i) })
		for i, w := range ix.vocab {
			if strings.Contains(w, term) {
				want = append(want, i)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("words containing %q: got %v, want %v", term, got, want)
		}
	}
	for i, w := range ix.vocab {
		for n := 1; n <= min(len(w), 5); n++ {
			for at := 0; at+n <= len(w); at++ {
				check(w[at : at+n])
			}
		}
		if i+1 < len(ix.vocab) {
			check(w[len(w)-1:] + ix.vocab[i+1][:1]) // across a boundary
		}
	}
	check("zzzzqq")
}

func FuzzSearch(f *testing.F) {
	for _, seed := range []string{"lmia", "spousal open", "pgwp language", "tr to pr", "", "é", "\x00", strings.Repeat("a ", 40), "-", "日本"} {
		f.Add(seed)
	}
	ix := NewIndex(guides.LoadEmbedded())
	f.Fuzz(func(t *testing.T, q string) {
		for _, r := range ix.Search(q, 10) {
			for _, m := range r.Matches {
				if m < 0 || m >= len(r.Text) {
					t.Fatalf("match %d outside %q", m, r.Text)
				}
			}
			snip, ms := r.Snippet(40)
			for _, m := range ms {
				if m < 0 || m >= len(snip) {
					t.Fatalf("snippet match %d outside %q", m, snip)
				}
			}
			if r.Anchor != "" {
				if _, ok := r.Guide.Heading(r.Anchor); !ok {
					t.Fatalf("result anchor %q is not a heading", r.Anchor)
				}
			}
		}
	})
}

// TestSearchHostileCorpus searches the hostile corpus for its attacks: no
// result, heading or snippet holds anything a terminal would act on.
func TestSearchHostileCorpus(t *testing.T) {
	lib := guides.Load([]guides.Dir{guides.Embedded(), guides.OSDir("../../testdata/hostile")}, guides.Options{})
	ix := NewIndex(lib)
	unsafe := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool {
			return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
				r >= 0x202a && r <= 0x202e || r >= 0x2060 && r <= 0x2069
		})
	}
	found := 0
	for _, q := range []string{"pwned", "hostile", "clear", "\x1b[2J", "\u202e", "forged", "2J"} {
		for _, r := range ix.Search(q, 50) {
			found++
			snip, _ := r.Snippet(60)
			for _, s := range []string{r.Text, r.Heading, snip, r.Guide.Title} {
				if unsafe(s) {
					t.Errorf("search %q: unsafe text %q in %s", q, s, r.Guide.Slug)
				}
			}
		}
	}
	if found == 0 {
		t.Error("the hostile corpus gave no search results")
	}
}
