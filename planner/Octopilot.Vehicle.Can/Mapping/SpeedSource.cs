namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>Where <see cref="Planner.Inputs.VehicleState.SpeedMps"/> comes from.</summary>
public enum SpeedSource : byte
{
    /// <summary>Mean of the four wheel speeds (openpilot's vEgoRaw; comma2k19's processed <c>speed</c>).</summary>
    WheelSpeedMean = 0,

    /// <summary>One speed signal (<see cref="VehicleSignalMap.Speed"/>).</summary>
    Signal = 1,
}
