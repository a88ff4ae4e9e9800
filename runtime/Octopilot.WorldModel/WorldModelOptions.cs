using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tracking;

namespace Octopilot.WorldModel;

/// <summary>Settings of every stage from fused perception to the planner's snapshot; defaults are the product's.</summary>
public sealed record WorldModelOptions
{
    /// <summary>
    /// Share of a sector's visible cells that must be known for the cameras of that side to count as healthy. Half:
    /// one of two overlapping cameras missing keeps most cells known; a side camera missing leaves a hole far bigger.
    /// </summary>
    public const float DefaultSectorHealthyFraction = 0.5f;

    /// <summary>
    /// Lane width the snapshot carries while no lanes are fitted, m (motorway lane, 3.5–3.75 m). With one lane and
    /// unknown object lanes the planner keeps distance by lateral position and starts no lane change.
    /// </summary>
    public const double DefaultFallbackLaneWidthM = 3.5;

    /// <summary>
    /// How long the last fitted lanes stand in when a set yields none, s. 0.5 s: at 15 fps seven sets, enough to bridge
    /// a dash gap or a passing occlusion; longer and a lane change in progress would be misread.
    /// </summary>
    public const double DefaultLaneHoldS = 0.5;

    /// <summary>
    /// The options for a perception whose range error is <paramref name="rangeNoiseFraction"/> of range (1 sigma; a
    /// model's <c>objectRangeNoiseFraction</c>), the defaults otherwise (null: oracle perception, or a model without one).
    /// </summary>
    /// <remarks>
    /// A model's depth is weighed against its box's bottom row (<see cref="ModelProjector"/>).
    /// Its detections also get <see cref="ModelRadialNoiseGrowthPerM"/>, a deletion limit that follows the noise
    /// (<see cref="ModelMaxPositionSigmaOverRadialNoise"/>: without it a track 100 m out dies at birth) and a farther range
    /// cut (<see cref="ModelMaxRangeM"/>).
    /// </remarks>
    public static WorldModelOptions ForRangeNoise(double? rangeNoiseFraction) => rangeNoiseFraction is double fraction
        ? new WorldModelOptions
        {
            Tracker = new ObjectTrackerOptions
            {
                RadialNoiseFractionOfRange = fraction,
                RadialNoiseGrowthPerM = ModelRadialNoiseGrowthPerM,
                MaxPositionSigmaOverRadialNoise = ModelMaxPositionSigmaOverRadialNoise,
                BirthVelocitySigmaMps = ModelBirthVelocitySigmaMps,
            },
            Projector = ModelProjector,
        }
        : new WorldModelOptions();

    /// <summary>
    /// The projector a model's detections get: <see cref="ModelMaxRangeM"/>, and the depth weighed against the box's
    /// bottom row at <see cref="ModelDepthNoiseFraction"/>. <c>model evaluate</c> places with it too.
    /// </summary>
    public static DetectionProjectorOptions ModelProjector { get; } = new() { MaxRangeM = ModelMaxRangeM, DepthNoiseFraction = ModelDepthNoiseFraction };

    /// <summary>
    /// 1σ noise of a model's per-object depth as a fraction of it, with which the projector weighs it against the box's
    /// bottom row (<see cref="DetectionProjectorOptions.DepthNoiseFraction"/>). Not the tracker's range noise
    /// (objectRangeNoiseFraction): that is the noise of the weighed result, smaller than either part's. 0.15: the third
    /// and fourth tiny HydraNets' depth heads are off by a median 6–7 % (σ ≈ 1.5 median, heavier tails); on the test
    /// split 0.15–0.2 placed best within 40 m (0.08: 0.3 points worse, 0.3: 0.1 worse; issue 12's note).
    /// </summary>
    public const double ModelDepthNoiseFraction = 0.15;

    /// <summary>
    /// Range-squared noise of a model's detections, 1/m. With the 8 % of range it makes 16.5 m σ at 150 m, where the
    /// stopped car of approach-stopped-80kph scattered by ≈ 15 m (fourth tiny model, bottom rows cast at pixel centres).
    /// It was 0.0005 while box bottoms were cast half a pixel low (a quarter pixel of main_forward's row, chosen in the
    /// closed loop); with that bias gone it kept the stopped car's track slow to shed the ego's speed (issue 12's note).
    /// </summary>
    public const double ModelRadialNoiseGrowthPerM = 0.0002;

    /// <summary>
    /// Velocity σ of a model's newborn track, m/s (the oracle's: <see cref="ObjectTrackerOptions.DefaultBirthVelocitySigmaMps"/>,
    /// 10). A newborn track moves with the ego; a stopped car first seen 150 m ahead at 80 km/h is 22 m/s off that. With
    /// 10 m/s and a model's ranges there scattering by ±20 m, its track kept 5 m/s of the ego's speed down to 100 m and read
    /// 16 m too far, and approach-stopped-80kph braked late (takeover, insufficient authority) once the half-pixel bias
    /// that had put far cars nearer was gone. 25 m/s: the measurements decide within a second (issue 12's note).
    /// </summary>
    public const double ModelBirthVelocitySigmaMps = 25.0;

    /// <summary>A model's track is deleted when its position σ passes twice a fresh measurement's radial σ at its range (or the fixed floor).</summary>
    public const double ModelMaxPositionSigmaOverRadialNoise = 2.0;

    /// <summary>
    /// Farthest ground-contact range a model's detection is projected to, m (the oracle keeps
    /// <see cref="DetectionProjectorOptions.DefaultMaxRangeM"/>, 120 m). A range cut on a noisy measurement censors it:
    /// of a car 150 m ahead whose ranges scatter by ±20 m, only the short ones passed 120 m, so the track saw a car
    /// 85–95 m away that kept its distance, moving with the ego, and braked for the stopped car of
    /// approach-stopped-80kph too late (impact at 7 m/s). With the cut at 200 m the scatter reaches the tracker whole,
    /// its range-squared noise weighs it, and the car stops behind it. 200 m: there the contact row is 3–4 px below the
    /// horizon in the forward cameras at 384x288, one pixel being 50–70 m of range; farther says nothing.
    /// </summary>
    public const double ModelMaxRangeM = 200.0;

    public BevGridOptions Grid { get; init; } = new();

    public double LaneHoldS { get; init; } = DefaultLaneHoldS;

    public LaneFitOptions LaneFit { get; init; } = new();

    public DetectionProjectorOptions Projector { get; init; } = new();

    public ObjectTrackerOptions Tracker { get; init; } = new();

    public float SectorHealthyFraction { get; init; } = DefaultSectorHealthyFraction;

    public double FallbackLaneWidthM { get; init; } = DefaultFallbackLaneWidthM;

    /// <summary>Checks every rule (and the stages' own); throws <see cref="ArgumentException"/> naming the rule and the value.</summary>
    public void Validate()
    {
        Grid.Validate();
        LaneFit.Validate();
        Projector.Validate();
        Tracker.Validate();
        if (SectorHealthyFraction is not (> 0 and <= 1))
        {
            throw new ArgumentException($"world model: sector healthy fraction must be in (0, 1] (got {SectorHealthyFraction})");
        }

        if (!(LaneHoldS is >= 0 and <= 5))
        {
            throw new ArgumentException($"world model: lane hold must be in [0, 5] s (got {LaneHoldS})");
        }

        if (!(FallbackLaneWidthM is > 2 and < 6))
        {
            throw new ArgumentException($"world model: fallback lane width must be in (2, 6) m (got {FallbackLaneWidthM})");
        }
    }
}
