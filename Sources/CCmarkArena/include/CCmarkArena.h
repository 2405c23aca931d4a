#ifndef POSGUIDE_CMARK_ARENA_H
#define POSGUIDE_CMARK_ARENA_H

#include <cmark.h>

/// A cmark allocator that hands out memory from a per-thread arena: allocation is a pointer
/// bump, `free` does nothing, and everything is released at once when the outermost
/// `posguide_arena_leave` of the thread is reached.
///
/// Use it only between `posguide_arena_enter` and `posguide_arena_leave` on one thread, for
/// every node of a tree (parsed or made): cmark frees a whole tree with its root's allocator.
cmark_mem *posguide_arena_mem(void);

/// Opens a use of this thread's arena; uses nest (a directive's body is parsed while its page's
/// document is alive).
void posguide_arena_enter(void);

/// Closes a use; the outermost one releases everything allocated since the first `enter`.
void posguide_arena_leave(void);

/// Bytes the arena of this thread keeps for its next use (for tests).
size_t posguide_arena_retained(void);

#endif
