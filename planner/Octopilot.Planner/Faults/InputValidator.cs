using System.Globalization;
using Octopilot.Planner.Acc;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;

namespace Octopilot.Planner.Faults;

/// <summary>
/// Input rules, checked every tick before anything uses the inputs. <see cref="Check"/> is allocation-free and stops
/// at the first broken rule; <see cref="Describe"/> makes the human-readable message (allocates).
/// World model fields are only checked when the producer marked the snapshot valid: an invalid snapshot is not used.
/// </summary>
public static class InputValidator
{
    public static InputFaultDetail Check(in PlannerInputs inputs, PlannerOptions options)
    {
        ref readonly VehicleState v = ref inputs.Vehicle;
        if (!double.IsFinite(v.SpeedMps)) return new(InputFault.NonFiniteVehicleState, "vehicle.SpeedMps", v.SpeedMps, -1);
        if (!double.IsFinite(v.AccelMps2)) return new(InputFault.NonFiniteVehicleState, "vehicle.AccelMps2", v.AccelMps2, -1);
        if (!double.IsFinite(v.YawRateRadps)) return new(InputFault.NonFiniteVehicleState, "vehicle.YawRateRadps", v.YawRateRadps, -1);
        if (!double.IsFinite(v.Driver.SetSpeedMps)) return new(InputFault.NonFiniteVehicleState, "vehicle.Driver.SetSpeedMps", v.Driver.SetSpeedMps, -1);

        ref readonly WorldModelSnapshot w = ref inputs.World;
        if (!w.IsValid)
        {
            return InputFaultDetail.None;
        }

        if (w.TimestampNs - inputs.NowNs > (long)(options.FutureToleranceS * 1e9))
        {
            return new(InputFault.TimestampInFuture, "world.TimestampNs", w.TimestampNs - inputs.NowNs, -1);
        }

        if (!double.IsFinite(w.EgoLateralOffsetM)) return new(InputFault.NonFiniteWorldModel, "world.EgoLateralOffsetM", w.EgoLateralOffsetM, -1);
        if (!double.IsFinite(w.LaneWidthM)) return new(InputFault.NonFiniteWorldModel, "world.LaneWidthM", w.LaneWidthM, -1);
        if (w.LaneWidthM <= 0) return new(InputFault.LaneGeometryInvalid, "world.LaneWidthM", w.LaneWidthM, -1);
        if (w.LaneCount < 1) return new(InputFault.LaneGeometryInvalid, "world.LaneCount", w.LaneCount, -1);
        if (w.EgoLaneIndex < 0 || w.EgoLaneIndex >= w.LaneCount) return new(InputFault.EgoLaneUnknown, "world.EgoLaneIndex", w.EgoLaneIndex, -1);

        ReadOnlySpan<TrackedObject> objects = w.Objects.AsSpan();
        for (int i = 0; i < objects.Length; i++)
        {
            InputFaultDetail fault = CheckObject(w, objects[i], i, options);
            if (fault.Fault != InputFault.None)
            {
                return fault;
            }
        }

        return InputFaultDetail.None;
    }

    /// <summary>"world.Objects[3].XM = NaN (track id 7): every object field must be finite". Allocates.</summary>
    public static string Describe(in InputFaultDetail detail)
    {
        string rule = detail.Fault switch
        {
            InputFault.None => "no fault",
            InputFault.NonFiniteVehicleState or InputFault.NonFiniteWorldModel or InputFault.NonFiniteObject => "must be finite (no NaN or Inf)",
            InputFault.LaneGeometryInvalid => "lane width must be > 0, lane count ≥ 1, object sizes ≥ 0",
            InputFault.EgoLaneUnknown => "ego lane index must be in 0..LaneCount-1",
            InputFault.ObjectLaneUnknown => "object lane index must be -1 (unknown) or in 0..LaneCount-1",
            InputFault.NegativeLeadDistance => "an object in the ego lane ahead of the rear axle must not overlap the ego body (gap to front bumper < 0)",
            InputFault.TimestampInFuture => "world model timestamp must not be later than the tick (value: ns ahead)",
            _ => "unknown rule",
        };
        string where = detail.ObjectIndex >= 0 ? string.Create(CultureInfo.InvariantCulture, $" (object {detail.ObjectIndex})") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{detail.Fault}: {detail.Field} = {detail.Value}{where}: {rule}");
    }

    private static InputFaultDetail CheckObject(in WorldModelSnapshot w, in TrackedObject o, int i, PlannerOptions options)
    {
        if (!double.IsFinite(o.XM)) return new(InputFault.NonFiniteObject, "world.Objects[].XM", o.XM, i);
        if (!double.IsFinite(o.YM)) return new(InputFault.NonFiniteObject, "world.Objects[].YM", o.YM, i);
        if (!double.IsFinite(o.VxMps)) return new(InputFault.NonFiniteObject, "world.Objects[].VxMps", o.VxMps, i);
        if (!double.IsFinite(o.VyMps)) return new(InputFault.NonFiniteObject, "world.Objects[].VyMps", o.VyMps, i);
        if (!double.IsFinite(o.AxMps2)) return new(InputFault.NonFiniteObject, "world.Objects[].AxMps2", o.AxMps2, i);
        if (!double.IsFinite(o.LengthM)) return new(InputFault.NonFiniteObject, "world.Objects[].LengthM", o.LengthM, i);
        if (!double.IsFinite(o.WidthM)) return new(InputFault.NonFiniteObject, "world.Objects[].WidthM", o.WidthM, i);
        if (o.LengthM < 0) return new(InputFault.LaneGeometryInvalid, "world.Objects[].LengthM", o.LengthM, i);
        if (o.WidthM < 0) return new(InputFault.LaneGeometryInvalid, "world.Objects[].WidthM", o.WidthM, i);
        if (o.LaneIndex < TrackedObject.UnknownLane || o.LaneIndex >= w.LaneCount)
        {
            return new(InputFault.ObjectLaneUnknown, "world.Objects[].LaneIndex", o.LaneIndex, i);
        }

        // The lead selector only looks at centres ahead of the rear axle; such an object cannot end behind our bumper.
        if (o.XM > 0 && LaneGeometry.IsInEgoLane(w, o, options.CutInIntrusionM) && o.RearXM < options.EgoFrontBumperXM)
        {
            return new(InputFault.NegativeLeadDistance, "world.Objects[].gap to front bumper", o.RearXM - options.EgoFrontBumperXM, i);
        }

        return InputFaultDetail.None;
    }
}
