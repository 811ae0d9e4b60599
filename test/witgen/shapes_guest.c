// Guest side of the generator's round-trip test: sends every WIT shape in
// test/witgen/synthetic.wit through the generated glue to a JS host that
// echoes it back, and checks what comes back.  Returns err on any mismatch.
#include <stdlib.h>
#include <string.h>
#include "shapes_bindings.h"

static int failures;
#define CHECK(c) do { if (!(c)) failures = failures * 1000 + __LINE__; } while (0)

void *cabi_realloc(void *ptr, size_t old_size, size_t align, size_t new_size) {
  (void)old_size; (void)align;
  return realloc(ptr, new_size ? new_size : 1);
}

static wasip2_string_t str(const char *s) { return (wasip2_string_t){ (char *)s, strlen(s) }; }
static int streq(wasip2_string_t a, const char *b) { return a.len == strlen(b) && memcmp(a.ptr, b, a.len) == 0; }

__attribute__((export_name("run"))) int32_t run(void) {
  // records with an option inside
  test_shapes_shapes_point_t p = { -5, 7, { true, str("tag") } }, pr;
  test_shapes_shapes_echo_point(&p, &pr);
  CHECK(pr.x == -5 && pr.y == 7 && pr.tag.is_some && streq(pr.tag.val, "tag"));
  p.tag.is_some = false;
  test_shapes_shapes_echo_point(&p, &pr);
  CHECK(!pr.tag.is_some);
  // a record of every scalar (more than one flat result, in memory)
  test_shapes_shapes_mixed_t m = { 200, 0x123456789abcdefULL, 1.5f, true, 0x1F600, -3, -2.25 }, mr;
  test_shapes_shapes_echo_mixed(&m, &mr);
  CHECK(mr.a == 200 && mr.b == 0x123456789abcdefULL && mr.c == 1.5f && mr.d && mr.e == 0x1F600 && mr.f == -3 && mr.g == -2.25);
  // variants whose cases join i32, f32, i64 and f64 in one flat slot
  test_shapes_shapes_shape_t s, sr;
  s.tag = TEST_SHAPES_SHAPES_SHAPE_CIRCLE; s.val.circle = 2.5f;
  test_shapes_shapes_echo_shape(&s, &sr);
  CHECK(sr.tag == TEST_SHAPES_SHAPES_SHAPE_CIRCLE && sr.val.circle == 2.5f);
  s.tag = TEST_SHAPES_SHAPES_SHAPE_RECT; s.val.rect.f0 = 1ULL << 40; s.val.rect.f1 = 9;
  test_shapes_shapes_echo_shape(&s, &sr);
  CHECK(sr.tag == TEST_SHAPES_SHAPES_SHAPE_RECT && sr.val.rect.f0 == 1ULL << 40 && sr.val.rect.f1 == 9);
  s.tag = TEST_SHAPES_SHAPES_SHAPE_NAMED; s.val.named = str("circle?");
  test_shapes_shapes_echo_shape(&s, &sr);
  CHECK(sr.tag == TEST_SHAPES_SHAPES_SHAPE_NAMED && streq(sr.val.named, "circle?"));
  s.tag = TEST_SHAPES_SHAPES_SHAPE_WIDE; s.val.wide = -1e300;
  test_shapes_shapes_echo_shape(&s, &sr);
  CHECK(sr.tag == TEST_SHAPES_SHAPES_SHAPE_WIDE && sr.val.wide == -1e300);
  s.tag = TEST_SHAPES_SHAPES_SHAPE_PT; s.val.pt = (test_shapes_shapes_point_t){ 1, 2, { true, str("p") } };
  test_shapes_shapes_echo_shape(&s, &sr);
  CHECK(sr.tag == TEST_SHAPES_SHAPES_SHAPE_PT && sr.val.pt.y == 2 && streq(sr.val.pt.tag.val, "p"));
  s.tag = TEST_SHAPES_SHAPES_SHAPE_NONE;
  test_shapes_shapes_echo_shape(&s, &sr);
  CHECK(sr.tag == TEST_SHAPES_SHAPES_SHAPE_NONE);
  // flags and enums come back by value
  CHECK(test_shapes_shapes_echo_perms(TEST_SHAPES_SHAPES_PERMS_W | TEST_SHAPES_SHAPES_PERMS_S) == (TEST_SHAPES_SHAPES_PERMS_W | TEST_SHAPES_SHAPES_PERMS_S));
  CHECK(test_shapes_shapes_echo_kind(TEST_SHAPES_SHAPES_ERR_KIND_WORST) == TEST_SHAPES_SHAPES_ERR_KIND_WORST);
  // lists of records and of strings, allocated by the host through cabi_realloc
  test_shapes_shapes_point_t pts[3] = { { 1, 1, { false } }, { 2, 2, { true, str("two") } }, { 3, 3, { false } } };
  test_shapes_shapes_points_t l = { pts, 3 }, lr;
  test_shapes_shapes_echo_list(&l, &lr);
  CHECK(lr.len == 3 && lr.ptr != pts && lr.ptr[2].x == 3 && streq(lr.ptr[1].tag.val, "two"));
  wasip2_string_t ss[2] = { str("a b"), str("\xc3\xbc") };
  wasip2_list_string_t sl = { ss, 2 }, slr;
  test_shapes_shapes_echo_strings(&sl, &slr);
  CHECK(slr.len == 2 && streq(slr.ptr[0], "a b") && streq(slr.ptr[1], "\xc3\xbc"));
  // options, results, tuples
  wasip2_option_u64_t o = { true, 42 }, orr;
  test_shapes_shapes_echo_option(&o, &orr);
  CHECK(orr.is_some && orr.val == 42);
  wasip2_result_string_test_shapes_shapes_err_kind_t r = { false, { .ok = str("fine") } };
  wasip2_string_t rs; test_shapes_shapes_err_kind_t rk = 0;
  CHECK(test_shapes_shapes_echo_result(&r, &rs, &rk) && streq(rs, "fine"));
  r.is_err = true; r.val.err = TEST_SHAPES_SHAPES_ERR_KIND_WORSE;
  CHECK(!test_shapes_shapes_echo_result(&r, &rs, &rk) && rk == TEST_SHAPES_SHAPES_ERR_KIND_WORSE);
  wasip2_tuple3_u8_string_s64_t t = { 7, str("mid"), -9000000000LL }, tr;
  test_shapes_shapes_echo_tuple(&t, &tr);
  CHECK(tr.f0 == 7 && streq(tr.f1, "mid") && tr.f2 == -9000000000LL);
  test_shapes_shapes_nothing();
  CHECK(test_shapes_shapes_unit_result(false));
  CHECK(!test_shapes_shapes_unit_result(true));
  // more than 16 flat parameters go through memory
  CHECK(test_shapes_shapes_sum17(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 1ULL << 33, 15, 16, 17) == 153 - 14 + (1ULL << 33));
  s.tag = TEST_SHAPES_SHAPES_SHAPE_WIDE; s.val.wide = 3.0;
  sr.tag = TEST_SHAPES_SHAPES_SHAPE_RECT; sr.val.rect.f0 = 4; sr.val.rect.f1 = 0;
  CHECK(test_shapes_shapes_big_shape(&s, &sr) == 7);
  // resources: constructor, method, static, borrow, result<own>, drop
  test_shapes_shapes_thing_t a = test_shapes_shapes_thing_new(&(wasip2_string_t){ "alpha", 5 });
  test_shapes_shapes_thing_t b = test_shapes_shapes_thing_make(12);
  wasip2_string_t name;
  test_shapes_shapes_thing_get_name(a, &name);
  CHECK(streq(name, "alpha"));
  test_shapes_shapes_thing_t c = -1;
  test_shapes_shapes_err_kind_t ek;
  CHECK(test_shapes_shapes_thing_combine(a, b, &c, &ek));
  test_shapes_shapes_thing_get_name(c, &name);
  CHECK(streq(name, "alpha+12"));
  CHECK(!test_shapes_shapes_thing_combine(b, b, &c, &ek) && ek == TEST_SHAPES_SHAPES_ERR_KIND_BAD);
  test_shapes_shapes_thing_drop(c);
  test_shapes_shapes_thing_drop(b);
  test_shapes_shapes_thing_drop(a);
  return failures;
}
