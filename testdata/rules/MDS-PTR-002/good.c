/* MDS-PTR-002: allocations sized by the object the pointer points to. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HISTORY_MAX 256u

struct infusion_rec {
	uint32_t t_ms;
	uint16_t rate_ml_h;
	uint16_t flags;
};

typedef struct infusion_rec *rec_ptr_t;

struct rec_index {
	struct infusion_rec **by_time;
	rec_ptr_t *by_rate;
	size_t n;
};

struct infusion_rec *rec_new(void)
{
	struct infusion_rec *rec = malloc(sizeof *rec);

	if (rec != NULL) {
		memset(rec, 0, sizeof *rec);
	}
	return rec;
}

struct infusion_rec *history_alloc(size_t n)
{
	if (n > HISTORY_MAX) {
		return NULL;
	}
	return calloc(n, sizeof(struct infusion_rec));
}

/* tables of pointers are sized by the pointer type */
int index_init(struct rec_index *ix, size_t n)
{
	if (n > HISTORY_MAX) {
		return -1;
	}
	ix->by_time = malloc(n * sizeof(struct infusion_rec *));
	ix->by_rate = calloc(n, sizeof(rec_ptr_t));
	if (ix->by_time == NULL || ix->by_rate == NULL) {
		free(ix->by_time);
		free(ix->by_rate);
		return -1;
	}
	ix->n = n;
	return 0;
}

/* raw storage for a pointer value */
void *handle_box_new(void)
{
	void *box = malloc(sizeof(void *));

	return box;
}

uint8_t *pointer_bytes_new(void)
{
	uint8_t *bytes = malloc(sizeof(rec_ptr_t));

	return bytes;
}

uintptr_t *address_slot_new(void)
{
	uintptr_t *slot = malloc(sizeof(void *));

	return slot;
}
