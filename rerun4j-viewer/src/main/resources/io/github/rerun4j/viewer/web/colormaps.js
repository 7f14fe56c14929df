// The eleven colormaps of the Rerun 0.33 viewer as GLSL ES 3.00 source, a port of the Java reference
// io.github.rerun4j.render.colormap.Colormaps + RvizPalettes (same f32 coefficients, same evaluation order),
// so a shader that writes colormapSrgb(...) to an RGBA8 canvas shows the same bytes as Colormaps.argb.
// Shared by the 2D view and the 3D depth cloud.
//
//   import { COLORMAP_GLSL, colormapId } from './colormaps.js';
//   const fragment = `#version 300 es\nprecision highp float;\n${COLORMAP_GLSL}\n...
//       colorOut = colormapSrgb(${colormapId('Turbo')}, t); ...`;   // or pass the id as a uniform int

/** Scene-JSON colormap name (Colormap.displayName() on the Java side) -> id used by colormapSrgb. */
export const COLORMAP_IDS = Object.freeze({
  Grayscale: 1,
  Inferno: 2,
  Magma: 3,
  Plasma: 4,
  Turbo: 5,
  Viridis: 6,
  CyanToYellow: 7,
  Spectral: 8,
  Twilight: 9,
  RvizMap: 10,
  RvizCostmap: 11,
});

/** The id for a colormap name as the scene JSON spells it ("Turbo", "CyanToYellow", ...); throws for others. */
export function colormapId(name) {
  const id = COLORMAP_IDS[name];
  if (id === undefined) {
    throw new Error(`colormap: unknown name ${JSON.stringify(name)}, expected one of ${Object.keys(COLORMAP_IDS).join(', ')}`);
  }
  return id;
}

/**
 * GLSL ES 3.00 (needs "precision highp float"): defines vec4 colormapSrgb(int id, float t) returning gamma
 * sRGB + alpha, unclamped like the reference's Colormaps.srgb (the RGBA8 target clamps and rounds). t is
 * saturated first; NaN counts as 0. Ids as in COLORMAP_IDS; an unknown id gives magenta.
 */
export const COLORMAP_GLSL = `
// ---- colormaps.js: Rerun 0.33 colormaps (port of render/colormap/Colormaps.java) ----
const vec3 TURBO[6] = vec3[6](
    vec3(0.13572138, 0.09140261, 0.10667330),
    vec3(4.61539260, 2.19418839, 12.64194608),
    vec3(-42.66032258, 4.84296658, -60.58204836),
    vec3(132.13108234, -14.18503333, 110.36276771),
    vec3(-152.94239396, 4.27729857, -89.90310912),
    vec3(59.28637943, 2.82956604, 27.34824973));
const vec3 VIRIDIS[7] = vec3[7](
    vec3(0.2777273272234177, 0.005407344544966578, 0.3340998053353061),
    vec3(0.1050930431085774, 1.404613529898575, 1.384590162594685),
    vec3(-0.3308618287255563, 0.214847559468213, 0.09509516302823659),
    vec3(-4.634230498983486, -5.799100973351585, -19.33244095627987),
    vec3(6.228269936347081, 14.17993336680509, 56.69055260068105),
    vec3(4.776384997670288, -13.74514537774601, -65.35303263337234),
    vec3(-5.435455855934631, 4.645852612178535, 26.3124352495832));
const vec3 PLASMA[7] = vec3[7](
    vec3(0.05873234392399702, 0.02333670892565664, 0.5433401826748754),
    vec3(2.176514634195958, 0.2383834171260182, 0.7539604599784036),
    vec3(-2.689460476458034, -7.455851135738909, 3.110799939717086),
    vec3(6.130348345893603, 42.3461881477227, -28.51885465332158),
    vec3(-11.10743619062271, -82.66631109428045, 60.13984767418263),
    vec3(10.02306557647065, 71.41361770095349, -54.07218655560067),
    vec3(-3.658713842777788, -22.93153465461149, 18.19190778539828));
const vec3 MAGMA[7] = vec3[7](
    vec3(-0.002136485053939582, -0.000749655052795221, -0.005386127855323933),
    vec3(0.2516605407371642, 0.6775232436837668, 2.494026599312351),
    vec3(8.353717279216625, -3.577719514958484, 0.3144679030132573),
    vec3(-27.66873308576866, 14.26473078096533, -13.64921318813922),
    vec3(52.17613981234068, -27.94360607168351, 12.94416944238394),
    vec3(-50.76852536473588, 29.04658282127291, 4.23415299384598),
    vec3(18.65570506591883, -11.48977351997711, -5.601961508734096));
const vec3 INFERNO[7] = vec3[7](
    vec3(0.0002189403691192265, 0.001651004631001012, -0.01948089843709184),
    vec3(0.1065134194856116, 0.5639564367884091, 3.932712388889277),
    vec3(11.60249308247187, -3.972853965665698, -15.9423941062914),
    vec3(-41.70399613139459, 17.43639888205313, 44.35414519872813),
    vec3(77.162935699427, -33.40235894210092, -81.80730925738993),
    vec3(-71.31942824499214, 32.62606426397723, 73.20951985803202),
    vec3(25.13112622477341, -12.24266895238567, -23.07032500287172));
const vec3 SPECTRAL[7] = vec3[7](
    vec3(0.584384543712538, 0.006424432561482, 0.231061410304836),
    vec3(3.768572852617221, 2.487082885717158, 2.821174312084977),
    vec3(-16.262574054760623, -6.243215992229093, -37.292187460541960),
    vec3(39.821464952234010, 39.932449794574126, 186.340471613899751),
    vec3(-46.140976850412727, -99.423798167148249, -388.532539629914481),
    vec3(12.716626092708825, 96.954180217298671, 360.627239851094203),
    vec3(5.942343111972585, -33.440386037285862, -123.635206049211334));
const vec3 TWILIGHT[7] = vec3[7](
    vec3(0.99435322698120177, 0.85170793387210064, 0.93942033498486266),
    vec3(-6.61774273956635106, -0.23133259259568750, -3.96704343424284378),
    vec3(41.78124131041812461, -7.61851602599826982, 38.98566990464263426),
    vec3(-158.29764239605322018, 3.73408709288658525, -170.02538195370874519),
    vec3(301.70954078396789555, 25.04157831823896174, 319.73628266524258379),
    vec3(-265.16454480601146315, -30.83148395246298179, -271.62226902484138691),
    vec3(86.58914784721200531, 9.90660484718943267, 86.89294583380010456));

// WGSL saturate with NaN -> 0 (written as a comparison so NaN fails it, whatever clamp does with NaN).
float colormapSaturate(float t) {
  if (t >= 0.0) return t <= 1.0 ? t : 1.0;
  return 0.0;
}

vec3 colormapTurbo(float t) {
  float t2 = t * t;
  float t3 = t2 * t;
  float t4 = t2 * t2;
  float t5 = t3 * t2;
  return (TURBO[0] + TURBO[1] * t + TURBO[2] * t2 + TURBO[3] * t3) + (TURBO[4] * t4 + TURBO[5] * t5);
}

#define COLORMAP_HORNER(C, t) (C[0] + t * (C[1] + t * (C[2] + t * (C[3] + t * (C[4] + t * (C[5] + t * C[6]))))))

vec3 colormapCyanToYellow(float t) {
  float u = t * 2.0 - 1.0;
  vec3 c = vec3((1.0 + 3.0 * u) / 4.0, (1.0 + 3.0 * u * u) / 4.0, (1.0 - 3.0 * u) / 4.0);
  return vec3(colormapSaturate(c.r), colormapSaturate(c.g), colormapSaturate(c.b));
}

int colormapRvizIndex(float t) {
  return int(floor(255.0 * t + 0.5));
}

// Entries 101..255 shared by both RViz palettes. Divisions in the reference's order (gives 128 at t = 0.75).
vec3 colormapRvizUpper(int n) {
  if (n <= 127) return vec3(0.0, 1.0, 0.0);
  if (n <= 254) return vec3(1.0, 255.0 * float(n - 128) / 126.0 / 255.0, 0.0);
  return vec3(112.0 / 255.0, 137.0 / 255.0, 134.0 / 255.0);
}

vec3 colormapRvizMap(int n) {
  if (n <= 100) return vec3((255.0 - 255.0 * float(n) / 100.0) / 255.0);
  return colormapRvizUpper(n);
}

vec3 colormapRvizCostmap(int n) {
  if (n == 0) return vec3(0.0);
  if (n <= 98) {
    float x = float(n) * 255.0 / 100.0 / 255.0;
    return vec3(x, 0.0, 1.0 - x);
  }
  if (n == 99) return vec3(0.0, 1.0, 1.0);
  if (n == 100) return vec3(1.0, 0.0, 1.0);
  return colormapRvizUpper(n);
}

vec4 colormapSrgb(int id, float t) {
  t = colormapSaturate(t);
  if (id == 1) return vec4(t, t, t, 1.0);
  if (id == 2) return vec4(COLORMAP_HORNER(INFERNO, t), 1.0);
  if (id == 3) return vec4(COLORMAP_HORNER(MAGMA, t), 1.0);
  if (id == 4) return vec4(COLORMAP_HORNER(PLASMA, t), 1.0);
  if (id == 5) return vec4(colormapTurbo(t), 1.0);
  if (id == 6) return vec4(COLORMAP_HORNER(VIRIDIS, t), 1.0);
  if (id == 7) return vec4(colormapCyanToYellow(t), 1.0);
  if (id == 8) return vec4(COLORMAP_HORNER(SPECTRAL, t), 1.0);
  if (id == 9) return vec4(COLORMAP_HORNER(TWILIGHT, t), 1.0);
  int n = colormapRvizIndex(t);
  if (id == 10) return vec4(colormapRvizMap(n), 1.0);
  // RvizCostmap: "no cost" cells (index 0) are see-through, as in RViz.
  if (id == 11) return vec4(colormapRvizCostmap(n), n == 0 ? 0.0 : 1.0);
  return vec4(1.0, 0.0, 1.0, 1.0);
}
// ---- end colormaps.js ----
`;
