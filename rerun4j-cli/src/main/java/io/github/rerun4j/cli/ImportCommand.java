package io.github.rerun4j.cli;

import io.github.rerun4j.io.FileFormatException;
import io.github.rerun4j.io.camera.CameraFiles;
import io.github.rerun4j.io.camera.CameraMatrix;
import io.github.rerun4j.io.camera.Intrinsics;
import io.github.rerun4j.io.camera.StereoCalibration;
import io.github.rerun4j.io.depth.DepthReadOptions;
import io.github.rerun4j.io.depth.DepthUnit;
import io.github.rerun4j.io.depth.Disparity;
import io.github.rerun4j.io.depth.RawLayout;
import io.github.rerun4j.io.tum.TumAssociation;
import io.github.rerun4j.io.tum.TumCamera;
import io.github.rerun4j.io.tum.TumSequence;
import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ErrorText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rerun4j import}: depth files (single frames, numbered sequences, TUM RGB-D folders) into an
 * {@code .rrd} recording laid out as Rerun's examples: {@code world/camera} (Pinhole; TUM: also the ground-truth
 * pose), {@code world/camera/depth}, {@code world/camera/rgb}. Files are decoded on all cores, a bounded number
 * at a time, and written in order; a bad file stops the import (what was written stays a valid recording)
 * unless {@code --skip-bad}.
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Turn depth files (PNG, PFM, PGM, NPY/NPZ, TIFF, raw) and their camera into a recording.",
                "DEPTH may be files, directories or quoted globs ('depth/*.png'); sequences are imported in natural order."})
public final class ImportCommand implements Callable<Integer> {

    static final String CAMERA = "world/camera";
    static final String DEPTH = "world/camera/depth";
    static final String RGB = "world/camera/rgb";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DEPTH", arity = "0..*", description = "Depth files, directories or globs.")
    private List<Path> depthArgs = new ArrayList<>();

    @Option(names = "--tum", paramLabel = "DIR", description = "A TUM RGB-D sequence folder (rgb.txt, depth.txt, groundtruth.txt).")
    private Path tum;

    @Option(names = "--color", arity = "1..*", paramLabel = "COLOR", description = "Colour images (PNG/JPEG), paired with the depth files by index.")
    private List<Path> colourArgs = new ArrayList<>();

    @Option(names = "--pair", paramLabel = "index|timestamp", description = "Pair colour with depth by index (natural order), or by the time in the file names (seconds; nearest within --max-difference), which also puts the frames on a timestamp timeline. Default: index.")
    private String pair = "index";

    @Option(names = "--max-difference", paramLabel = "SECONDS", description = "Largest time difference of a --pair timestamp pair (TUM's rule). Default 0.02.")
    private double maxDifference = TumAssociation.DEFAULT_MAX_DIFFERENCE;

    @Option(names = "--decode-color", description = "Write colour as decoded pixels (Image) instead of the files' own bytes (EncodedImage).")
    private boolean decodeColour;

    @Option(names = "--intrinsics", paramLabel = "FILE", description = "Camera file: ROS camera_info / calibration YAML, OpenCV YAML/XML, JSON {fx,fy,cx,cy,width,height}, Middlebury/KITTI calib .txt.")
    private Path intrinsicsFile;

    @Option(names = "--camera-matrix", paramLabel = "auto|K|P", description = "Which matrix of a ROS file: P (rectified; ROS's choice when present), K (raw). Default: auto.")
    private String cameraMatrix = "auto";

    @Option(names = "--camera-preset", paramLabel = "NAME", description = "Published intrinsics: freiburg1, freiburg2, freiburg3 (TUM RGB-D) or ros-default (525, 525, 319.5, 239.5), all 640x480.")
    private String cameraPreset;

    @Option(names = "--camera-key", paramLabel = "KEY", description = "Key of the camera matrix in the file, when it has an unusual name.")
    private String cameraKey;

    @Option(names = "--fx", paramLabel = "PIXELS", description = "Focal length along x (with --fy, --cx, --cy).")
    private Double fx;
    @Option(names = "--fy", paramLabel = "PIXELS", description = "Focal length along y.")
    private Double fy;
    @Option(names = "--cx", paramLabel = "PIXELS", description = "Principal point x.")
    private Double cx;
    @Option(names = "--cy", paramLabel = "PIXELS", description = "Principal point y.")
    private Double cy;

    @Option(names = "--scale-intrinsics", description = "Scale intrinsics stated for another image size to the depth image's size.")
    private boolean scaleIntrinsics;

    @Option(names = "--depth-unit", paramLabel = "mm|m|tum|kitti", description = "Depth units: mm (1000 per metre), m (1), tum (5000), kitti (256). Default: mm for integer files, m for float files; tum with --tum.")
    private String depthUnit;

    @Option(names = "--depth-scale", paramLabel = "METRES_PER_UNIT", description = "A camera SDK's depth scale (e.g. 0.00025); meter = 1 / scale.")
    private Double depthScale;

    @Option(names = "--disparity", description = "The files hold stereo disparity: depth = baseline * focal / (d + doffs).")
    private boolean disparity;

    @Option(names = "--baseline", paramLabel = "METRES", description = "Distance between the stereo cameras, for --disparity (depth comes out in its unit). Default: a Middlebury calib.txt's baseline.")
    private Double baseline;
    @Option(names = "--focal", paramLabel = "PIXELS", description = "Focal length for --disparity (default: fx of the intrinsics).")
    private Double focal;
    @Option(names = "--doffs", paramLabel = "PIXELS", description = "x offset of the principal points (Middlebury doffs). Default: the calib.txt's doffs, else 0.")
    private Double doffs;
    @Option(names = "--disparity-scale", paramLabel = "UNITS_PER_PIXEL", description = "Raw disparity units per pixel (KITTI PNG: 256). Default 1.")
    private double disparityScale = 1;

    @Option(names = "--raw", paramLabel = "WxH", description = "Read headerless files of WIDTHxHEIGHT pixels (with --raw-type).")
    private String raw;
    @Option(names = "--raw-type", paramLabel = "TYPE", description = "Element type of --raw files: u8 i8 u16 i16 f16 u32 i32 f32 u64 i64 f64. Default u16.")
    private String rawType = "u16";
    @Option(names = "--raw-offset", paramLabel = "BYTES", description = "Bytes to skip at the start of --raw files.")
    private long rawOffset;
    @Option(names = "--raw-big-endian", description = "--raw elements are big-endian.")
    private boolean rawBigEndian;
    @Option(names = "--npz-key", paramLabel = "KEY", description = "The .npz array to read (default: the only 2-D one).")
    private String npzKey;

    @Option(names = "--timeline", paramLabel = "NAME", description = "Timeline name. Default: frame (a sequence), time with --fps, timestamp with --tum.")
    private String timeline;

    @Option(names = "--fps", paramLabel = "N", description = "Put frame i at i / N seconds on a time timeline instead of a frame sequence.")
    private Double fps;

    @Option(names = "--compress", paramLabel = "rvl|png|lz4|none", description = "Depth as RVL or 16-bit PNG (EncodedDepthImage, u16 only), or raw with LZ4-compressed messages (1.5x smaller, compressed on the writing thread), or raw. Default: none (fastest).")
    private String compress = "none";

    @Option(names = "--skip-bad", description = "Go on past files that cannot be read, and list them at the end.")
    private boolean skipBad;

    @Option(names = "--threads", paramLabel = "N", description = "Decoding threads. Default: every core.")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", required = true, paramLabel = "FILE.rrd", description = "The recording to write.")
    private Path out;

    @Override
    public Integer call() {
        OutputFile.requireWritable(out, "import.rrd");
        ImportCompression compression = compression();
        if (threads < 1) {
            throw CliException.usage("--threads " + threads + ": expected 1 or more");
        }
        if (fps != null && !(fps > 0 && Double.isFinite(fps))) {
            throw CliException.usage("--fps " + fps + ": expected a number of frames per second > 0");
        }
        boolean byTime = pairByTimestamp();
        if (byTime && fps != null) {
            throw CliException.usage("--pair timestamp takes the times from the file names: leave out --fps");
        }
        TumSequence sequence = tum == null ? null : openTum();
        unpaired = 0;
        List<FrameRecipe.Frame> frames = sequence != null ? tumFrames(sequence) : fileFrames(byTime);
        Intrinsics intrinsics = intrinsics(sequence);
        FrameRecipe recipe = new FrameRecipe(readOptions(), unit(sequence), disparity(intrinsics), compression, decodeColour);
        TimelineKind kind = sequence != null || byTime ? TimelineKind.TIMESTAMP
                : fps != null ? TimelineKind.DURATION : TimelineKind.SEQUENCE;
        String timelineName = timeline != null ? timeline : kind.defaultName;
        ImportWriter writer = new ImportWriter(out, compression, kind, timelineName, intrinsics, scaleIntrinsics, skipBad,
                new ImportProgress(spec.commandLine().getErr(), System.console() != null, frames.size()));
        ImportWriter.Result result = writer.write(frames, recipe, sequence == null ? List.of() : sequence.poses(), threads);
        ImportSummary.print(spec.commandLine().getOut(), out, result, threads, intrinsics, sequence, unpaired,
                maxDifference, timelineName, kind, compression, decodeColour, recipe.disparity());
        return ExitCode.OK;
    }

    /** The kinds of timeline an import writes. */
    enum TimelineKind {
        SEQUENCE("frame"), DURATION("time"), TIMESTAMP("timestamp");

        final String defaultName;

        TimelineKind(String defaultName) {
            this.defaultName = defaultName;
        }
    }

    /** Depth frames left out by --pair timestamp for want of a colour frame near enough. */
    private int unpaired;

    private boolean pairByTimestamp() {
        return switch (pair.toLowerCase(Locale.ROOT)) {
            case "index" -> false;
            case "timestamp" -> true;
            default -> throw CliException.usage("--pair " + pair + ": expected index or timestamp");
        };
    }

    private ImportCompression compression() {
        try {
            return ImportCompression.valueOf(compress.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--compress " + compress + ": expected rvl, png, lz4 or none");
        }
    }

    private TumSequence openTum() {
        if (fps != null) {
            throw CliException.usage("--tum DIR puts frames at the timestamps of its lists: leave out --fps");
        }
        if (!depthArgs.isEmpty() || !colourArgs.isEmpty()) {
            throw CliException.usage("--tum DIR reads the folder's own lists: give no DEPTH files or --color with it");
        }
        if (!Files.isDirectory(tum)) {
            throw CliException.usage("--tum " + tum + ": no such directory");
        }
        try {
            return TumSequence.open(tum, true);
        } catch (FileFormatException e) {
            throw CliException.badData(e.getMessage(), e);
        } catch (IOException e) {
            throw CliException.usage("--tum " + tum + ": " + ErrorText.describe(e), e);
        }
    }

    private List<FrameRecipe.Frame> tumFrames(TumSequence sequence) {
        List<FrameRecipe.Frame> frames = new ArrayList<>();
        for (TumSequence.Frame f : sequence.frames()) {
            frames.add(new FrameRecipe.Frame(f.nanos(), f.depth(), f.colour()));
        }
        if (frames.isEmpty()) {
            throw CliException.usage("--tum " + tum + ": no depth frame" + (sequence.unpaired() > 0
                    ? " has a colour image within 20 ms" : " in depth.txt"));
        }
        return frames;
    }

    private List<FrameRecipe.Frame> fileFrames(boolean byTime) {
        if (depthArgs.isEmpty()) {
            throw CliException.usage("nothing to import: give DEPTH files (or a directory, or 'depth/*.png'), or --tum DIR");
        }
        ImportFrames.Paired paired = byTime ? ImportFrames.byFileNameTime(depthArgs, colourArgs, raw != null, maxDifference)
                : ImportFrames.byIndex(depthArgs, colourArgs, raw != null, fps);
        unpaired = paired.unpaired();
        return paired.frames();
    }

    private DepthReadOptions readOptions() {
        DepthReadOptions options = DepthReadOptions.DEFAULT.withNpzKey(npzKey);
        if (raw == null) {
            return options;
        }
        String[] wh = raw.toLowerCase(Locale.ROOT).split("x");
        ChannelDatatype type;
        try {
            type = ChannelDatatype.valueOf(rawType.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--raw-type " + rawType + ": expected one of u8 i8 u16 i16 f16 u32 i32 f32 u64 i64 f64");
        }
        try {
            if (wh.length != 2) {
                throw new NumberFormatException();
            }
            RawLayout layout = RawLayout.of(Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip()), type)
                    .withOffset(rawOffset).withByteOrder(rawBigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            return options.withRaw(layout);
        } catch (NumberFormatException | InvalidArgumentException e) {
            throw CliException.usage("--raw " + raw + " --raw-offset " + rawOffset + ": expected WIDTHxHEIGHT of positive "
                    + "integers (e.g. 640x480) and an offset >= 0");
        }
    }

    private DepthUnit unit(TumSequence sequence) {
        if (depthUnit != null && depthScale != null) {
            throw CliException.usage("--depth-unit and --depth-scale say the same thing: give one");
        }
        if ((depthUnit != null || depthScale != null) && disparity) {
            throw CliException.usage("--disparity writes depth in metres (the baseline's unit): leave out --depth-unit/--depth-scale");
        }
        try {
            if (depthUnit != null) {
                return DepthUnit.preset(depthUnit);
            }
            if (depthScale != null) {
                return DepthUnit.fromDepthScale(depthScale);
            }
        } catch (InvalidArgumentException e) {
            throw CliException.usage((depthUnit != null ? "--depth-unit " + depthUnit : "--depth-scale " + depthScale)
                    + ": expected " + e.expected());
        }
        return sequence != null ? DepthUnit.TUM : null;
    }

    private Intrinsics intrinsics(TumSequence sequence) {
        boolean numbers = fx != null || fy != null || cx != null || cy != null;
        int given = (numbers ? 1 : 0) + (intrinsicsFile != null ? 1 : 0) + (cameraPreset != null ? 1 : 0);
        if (given > 1) {
            throw CliException.usage("--intrinsics, --camera-preset and --fx/--fy/--cx/--cy: give one");
        }
        if (cameraPreset != null) {
            try {
                return TumCamera.preset(cameraPreset);
            } catch (InvalidArgumentException e) {
                throw CliException.usage("--camera-preset " + cameraPreset + ": expected " + e.expected());
            }
        }
        if (numbers) {
            if (fx == null || fy == null || cx == null || cy == null) {
                throw CliException.usage("--fx, --fy, --cx and --cy go together: give all four");
            }
            try {
                return Intrinsics.of(fx, fy, cx, cy, "--fx --fy --cx --cy");
            } catch (InvalidArgumentException e) {
                throw CliException.usage("--" + e.field().substring("Intrinsics.".length()) + " " + e.value() + ": expected "
                        + e.expected());
            }
        }
        if (intrinsicsFile != null) {
            CameraMatrix choice;
            try {
                choice = CameraMatrix.valueOf(cameraMatrix.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--camera-matrix " + cameraMatrix + ": expected auto, K or P");
            }
            try {
                return CameraFiles.read(intrinsicsFile, choice, cameraKey);
            } catch (FileFormatException e) {
                throw CliException.badData(e.getMessage(), e);
            } catch (NoSuchFileException e) {
                throw CliException.usage("--intrinsics " + intrinsicsFile + ": no such file", e);
            } catch (IOException e) {
                throw CliException.usage("--intrinsics " + intrinsicsFile + ": " + ErrorText.describe(e), e);
            }
        }
        return sequence != null ? sequence.intrinsics() : null;
    }

    private Disparity disparity(Intrinsics intrinsics) {
        if (!disparity) {
            if (baseline != null || focal != null || doffs != null) {
                throw CliException.usage("--baseline, --focal and --doffs are for --disparity");
            }
            return null;
        }
        StereoCalibration stereo = intrinsicsFile == null ? null : stereo();
        Double b = baseline != null ? baseline : stereo != null ? Double.valueOf(stereo.baselineMetres()) : null;
        if (b == null) {
            throw CliException.usage("--disparity needs --baseline METRES (the distance between the two cameras), "
                    + "or a Middlebury calib.txt as --intrinsics");
        }
        Double f = focal != null ? focal : intrinsics != null ? Double.valueOf(intrinsics.fx()) : null;
        if (f == null) {
            throw CliException.usage("--disparity needs --focal PIXELS, or intrinsics to take fx from");
        }
        double d = doffs != null ? doffs : stereo != null ? stereo.doffs() : 0;
        try {
            return new Disparity(b, f, d, disparityScale);
        } catch (InvalidArgumentException e) {
            throw CliException.usage("--" + e.field().substring("Disparity.".length()).replace("unitsPerPixel", "disparity-scale")
                    + " " + e.value() + ": expected " + e.expected());
        }
    }

    private StereoCalibration stereo() {
        try {
            return CameraFiles.stereo(intrinsicsFile).orElse(null);
        } catch (FileFormatException e) {
            throw CliException.badData(e.getMessage(), e);
        } catch (IOException e) {
            throw CliException.usage("--intrinsics " + intrinsicsFile + ": " + ErrorText.describe(e), e);
        }
    }

    /** A write failure of the recording, as the other commands report an output that cannot be written. */
    static CliException writeFailure(Path out, UncheckedIOException e) {
        return CliException.usage("cannot write " + out + ": " + OutputFile.rootReason(e), e);
    }
}
