#!/usr/bin/env python3
"""numpy peer of RenderBenchmark: the same depth frames, colormap table and camera, timed in numpy.

Reads what io.github.rerun4j.benchmarks.PeerInputs wrote (frame_WxH.u16, turbo_lut.u32, peer_inputs.json)
and prints one JSON object on stdout. Every figure is per frame, in milliseconds, from time.perf_counter
over `reps` repetitions after `warmup` untimed ones; "median_ms" is the headline, "min_ms" the best.

  (a) colormap u16 -> color by LUT indexing, variants (numpy's figure is the fastest variant):
        rgba8_index   lut8[raw]                 65536x4 uint8 LUT -> HxWx4 RGBA (new array)
        rgba8_take    np.take(lut8, raw, 0, out) into a preallocated HxWx4
        u32_index     lut32[raw]                65536 uint32 LUT (0xAARRGGBB) -> HxW (new array)
        u32_take      np.take(lut32, raw, out)  into a preallocated HxW
  (b) back-projection, float32 throughout, (u - cx)/fx and (v - cy)/fy precomputed once (meshgrid):
        xyz_radius    z = raw * (1/meter); valid = z > 0; xyz = stack(z*ax, z*ay, z); radius = z * r
                      (the brief's formulation; numpy's figure is the faster of the xyz_radius variants)
        xyz_radius_prealloc   same, written into a preallocated (count, 3) array column by column
        same_outputs  additionally depth z, pixel index and colormap t, i.e. everything rerun4j's
                      PointCloud holds (for information: same work as rerun4j)
  (c) memcpy bound: np.copyto of a uint8 array as large as the operation's input + output bytes.

Usage: numpy_bench.py DIR [--quick]
"""
import json
import os
import sys
import time

import numpy as np


def timed(fn, reps, warmup):
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    ts.sort()
    return {"median_ms": 1e3 * ts[len(ts) // 2], "min_ms": 1e3 * ts[0], "reps": reps}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quick = "--quick" in sys.argv
    d = args[0] if args else "benchmarks/target"
    reps, warmup = (50, 5) if quick else (200, 10)
    with open(os.path.join(d, "peer_inputs.json")) as f:
        inputs = json.load(f)
    lut32 = np.fromfile(os.path.join(d, "turbo_lut.u32"), dtype="<u4")
    # RGBA bytes of the same table: R, G, B, A from 0xAARRGGBB.
    lut8 = np.ascontiguousarray(np.stack([(lut32 >> s) & 0xFF for s in (16, 8, 0, 24)], axis=-1).astype(np.uint8))

    out = {"numpy": np.__version__, "python": sys.version.split()[0], "reps": reps, "warmup": warmup,
           "threads_note": "single-threaded (numpy indexing/ufuncs do not use threads)", "sizes": {}}
    for size, p in inputs.items():
        w, h = p["width"], p["height"]
        n = w * h
        raw = np.fromfile(os.path.join(d, p["file"]), dtype="<u2").reshape(h, w)
        res = {"width": w, "height": h}

        # (a) colormap
        rgba = np.empty((h, w, 4), np.uint8)
        argb = np.empty((h, w), np.uint32)
        cm = {
            "rgba8_index": timed(lambda: lut8[raw], reps, warmup),
            "rgba8_take": timed(lambda: np.take(lut8, raw, axis=0, out=rgba), reps, warmup),
            "u32_index": timed(lambda: lut32[raw], reps, warmup),
            "u32_take": timed(lambda: np.take(lut32, raw, out=argb), reps, warmup),
        }
        best = min(cm, key=lambda k: cm[k]["median_ms"])
        res["colormap"] = {"variants": cm, "best": best, "median_ms": cm[best]["median_ms"],
                           "min_ms": cm[best]["min_ms"]}
        check_argb = int(lut32[raw].astype(np.uint64).sum())
        res["colormap"]["argbSum"] = check_argb
        res["colormap"]["argbSum_matches_rerun4j"] = check_argb == p["argbSum"]

        # (b) back-projection
        f32 = np.float32
        inv_meter = f32(1.0) / f32(p["meter"])
        rpz = f32(p["radiusPerZ"])
        r0 = f32(0.0) * inv_meter
        span = f32(65535.0) * inv_meter - r0
        u, v = np.meshgrid(np.arange(w, dtype=f32), np.arange(h, dtype=f32))
        ax = ((u - f32(p["cx"])) / f32(p["fx"])).ravel()
        ay = ((v - f32(p["cy"])) / f32(p["fy"])).ravel()
        flat = raw.ravel()

        def xyz_radius():
            z = flat.astype(f32) * inv_meter
            valid = z > 0
            zv = z[valid]
            xyz = np.stack((zv * ax[valid], zv * ay[valid], zv), axis=-1)
            return xyz, zv * rpz

        def xyz_radius_prealloc():
            z = flat.astype(f32) * inv_meter
            valid = z > 0
            zv = z[valid]
            xyz = np.empty((zv.size, 3), f32)
            np.multiply(zv, ax[valid], out=xyz[:, 0])
            np.multiply(zv, ay[valid], out=xyz[:, 1])
            xyz[:, 2] = zv
            return xyz, zv * rpz

        def same_outputs():
            z = flat.astype(f32) * inv_meter
            valid = z > 0
            idx = np.flatnonzero(valid)
            zv = z[idx]
            xyz = np.stack((zv * ax[idx], zv * ay[idx], zv), axis=-1)
            return xyz, zv * rpz, zv, idx.astype(np.int32), (zv - r0) / span

        bp = {
            "xyz_radius": timed(xyz_radius, reps, warmup),
            "xyz_radius_prealloc": timed(xyz_radius_prealloc, reps, warmup),
            "same_outputs": timed(same_outputs, reps, warmup),
        }
        best = min(("xyz_radius", "xyz_radius_prealloc"), key=lambda k: bp[k]["median_ms"])
        xyz, _ = xyz_radius()
        res["backprojection"] = {"variants": bp, "best": best, "median_ms": bp[best]["median_ms"],
                                 "min_ms": bp[best]["min_ms"], "points": int(xyz.shape[0]),
                                 "points_match_rerun4j": int(xyz.shape[0]) == p["points"],
                                 "xyzSum": float(xyz.astype(np.float64).sum()),
                                 "xyzSum_rel_diff": abs(float(xyz.astype(np.float64).sum()) - p["xyzSum"])
                                 / max(1e-12, abs(p["xyzSum"]))}

        # (c) memcpy bound for the same bytes as the Java bounds (input + output of each operation).
        copies = {}
        for name, nbytes in (("colormap", n * 6), ("backprojection", n * 2 + p["points"] * 28)):
            src = np.ones(nbytes, np.uint8)
            dst = np.empty_like(src)
            t = timed(lambda: np.copyto(dst, src), reps, warmup)
            t["bytes"] = nbytes
            t["GBps"] = nbytes / (t["median_ms"] * 1e-3) / 1e9
            copies[name] = t
        res["copy"] = copies
        out["sizes"][size] = res
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
