package vn.giamngheo.support.web;

import java.util.List;

/** One page of a list resource. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
