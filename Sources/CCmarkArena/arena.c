// Per-thread bump allocation for libcmark.
//
// cmark allocates every node, literal and buffer on its own (calloc, realloc, free): in a
// 10,000-page build about 230,000 callocs, as many frees, and cmark_node_free's walk over
// every tree, some 7% of all the build's instructions. A page's tree lives only while the
// page is rendered, so all of it can go at once instead.

#include "CCmarkArena.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POSGUIDE_ARENA_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define POSGUIDE_ARENA_SANITIZED 1
#endif

static _Thread_local int depth;

static void *fail(void) {
  fprintf(stderr, "[posguide] cmark arena: out of memory, aborting\n");
  abort();
}

#ifdef POSGUIDE_ARENA_SANITIZED
// Under the address sanitizer (scripts/fuzz.sh) every allocation is a malloc of its own, so
// an overflow or a use after the arena's release is still caught; released all at once too.
typedef struct sanitized {
  struct sanitized *previous;
  size_t size;
} sanitized;

static _Thread_local sanitized *allocations;

static void *allocate(size_t size) {
  assert(depth > 0 && "the cmark arena is used only between posguide_arena_enter and _leave");
  sanitized *made = malloc(sizeof(sanitized) + size);
  if (!made) fail();
  made->previous = allocations;
  made->size = size;
  allocations = made;
  return made + 1;
}

static void *arena_realloc(void *memory, size_t size) {
  void *moved = allocate(size);
  if (memory) {
    size_t old = ((sanitized *)memory - 1)->size;
    memcpy(moved, memory, old < size ? old : size);
  }
  return moved;
}

static void release(void) {
  while (allocations) {
    sanitized *previous = allocations->previous;
    free(allocations);
    allocations = previous;
  }
}
#else
// Each allocation is preceded by its size, so realloc knows how much to copy.
typedef struct {
  size_t size;
  size_t padding; // keeps the allocation 16-byte aligned
} header;

typedef struct chunk {
  struct chunk *previous;
  size_t capacity;
  size_t used;
  size_t padding;
  // the allocations follow
} chunk;

enum { first_capacity = 256 * 1024, kept_capacity_limit = 8 * 1024 * 1024 };

static _Thread_local chunk *newest;
static _Thread_local void *last_allocation;
// What the last use needed in all: the next one starts with a chunk that large.
static _Thread_local size_t wanted_capacity;

static size_t rounded(size_t size) { return (size + 15) & ~(size_t)15; }

static chunk *new_chunk(size_t capacity, chunk *previous) {
  chunk *made = malloc(sizeof(chunk) + capacity);
  if (!made) fail();
  made->previous = previous;
  made->capacity = capacity;
  made->used = 0;
  return made;
}

static void *allocate(size_t size) {
  assert(depth > 0 && "the cmark arena is used only between posguide_arena_enter and _leave");
  if (size > SIZE_MAX / 2) fail();
  size_t needed = sizeof(header) + rounded(size);
  if (!newest || newest->capacity - newest->used < needed) {
    size_t capacity = newest ? newest->capacity * 2 : (wanted_capacity > first_capacity ? wanted_capacity : first_capacity);
    if (capacity < needed) capacity = needed * 2;
    newest = new_chunk(capacity, newest);
  }
  header *block = (header *)((char *)(newest + 1) + newest->used);
  newest->used += needed;
  block->size = size;
  last_allocation = block + 1;
  return block + 1;
}

static void *arena_realloc(void *memory, size_t size) {
  if (!memory) return allocate(size);
  header *block = (header *)memory - 1;
  // The newest allocation grows in place while its chunk has room: cmark's buffers mostly do.
  if (memory == last_allocation) {
    size_t start = (size_t)((char *)block - (char *)(newest + 1));
    size_t needed = sizeof(header) + rounded(size);
    if (newest->capacity - start >= needed) {
      newest->used = start + needed;
      block->size = size;
      return memory;
    }
  }
  void *moved = allocate(size);
  memcpy(moved, memory, block->size < size ? block->size : size);
  return moved;
}

static void release(void) {
  if (!newest) return;
  size_t total = 0;
  for (chunk *each = newest; each; each = each->previous) total += each->used;
  last_allocation = NULL;
  if (!newest->previous && newest->capacity <= kept_capacity_limit) {
    // One chunk held it all: keep it for the next use.
    newest->used = 0;
    return;
  }
  // Several chunks (or one very large): let them go; the next use starts with one chunk
  // that holds what this one needed, unless that is more than is worth keeping.
  while (newest) {
    chunk *previous = newest->previous;
    free(newest);
    newest = previous;
  }
  wanted_capacity = total + total / 4 <= kept_capacity_limit ? total + total / 4 : 0;
}
#endif

static void *arena_calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) fail();
  void *memory = allocate(count * size);
  memset(memory, 0, count * size);
  return memory;
}

static void arena_free(void *memory) { (void)memory; }

static cmark_mem arena = {arena_calloc, arena_realloc, arena_free};

cmark_mem *posguide_arena_mem(void) { return &arena; }

void posguide_arena_enter(void) { depth += 1; }

void posguide_arena_leave(void) {
  depth -= 1;
  if (depth == 0) release();
}

size_t posguide_arena_retained(void) {
#ifdef POSGUIDE_ARENA_SANITIZED
  return allocations ? 1 : 0;
#else
  return newest ? newest->capacity : 0;
#endif
}
