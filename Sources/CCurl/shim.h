#ifndef SWITCHBOARD_CCURL_SHIM_H
#define SWITCHBOARD_CCURL_SHIM_H

#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

/*
 * curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, and variadic C
 * functions do not import into Swift. One typed wrapper per argument type instead.
 */

static inline CURLcode sb_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sb_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sb_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sb_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode sb_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Write and header callbacks share curl_write_callback's signature. */
static inline CURLcode sb_easy_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode sb_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode sb_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode sb_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

static inline CURLMcode sb_multi_setopt_pointer(CURLM *multi, CURLMoption option, void *value) {
    return curl_multi_setopt(multi, option, value);
}

static inline CURLMcode sb_multi_setopt_socket_function(CURLM *multi, curl_socket_callback callback) {
    return curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, callback);
}

static inline CURLMcode sb_multi_setopt_timer_function(CURLM *multi, curl_multi_timer_callback callback) {
    return curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, callback);
}

/* CURLMsg.data is a union; Swift reads the result code through this. */
static inline CURLcode sb_msg_result(const CURLMsg *message) {
    return message->data.result;
}

/*
 * The event loop's epoll and eventfd: glibc's Swift module does not export them, and
 * epoll_event is a packed struct, so it never crosses into Swift.
 */
static inline int sb_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }
static inline int sb_eventfd_create(void) { return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK); }

/* in and out are booleans; the descriptor is added, or changed if already there. */
static inline int sb_epoll_watch(int epfd, int fd, int in, int out) {
    struct epoll_event event = {0};
    event.events = (in ? EPOLLIN : 0) | (out ? EPOLLOUT : 0);
    event.data.fd = fd;
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &event) == 0) return 0;
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event);
}

static inline int sb_epoll_unwatch(int epfd, int fd) { return epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL); }

/* Waits for up to max ready descriptors; fills fds and curl's CURL_CSELECT_* flags for each. */
static inline int sb_epoll_wait(int epfd, int *fds, int *flags, int max, int timeout_ms) {
    struct epoll_event events[256];
    if (max > 256) max = 256;
    int ready = epoll_wait(epfd, events, max, timeout_ms);
    for (int i = 0; i < ready; i++) {
        fds[i] = events[i].data.fd;
        flags[i] = ((events[i].events & EPOLLIN) ? CURL_CSELECT_IN : 0)
                 | ((events[i].events & EPOLLOUT) ? CURL_CSELECT_OUT : 0)
                 | ((events[i].events & (EPOLLERR | EPOLLHUP)) ? CURL_CSELECT_ERR : 0);
    }
    return ready;
}

#endif
