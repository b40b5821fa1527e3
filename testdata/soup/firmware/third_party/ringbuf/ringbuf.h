#ifndef RINGBUF_H
#define RINGBUF_H
int ringbuf_put(int v);
#endif
