namespace Octopilot.Core.Labels;

/// <summary>Groups of <see cref="LabelClass"/> values that consumers test for, in one place.</summary>
public static class LabelClasses
{
    /// <summary>Lane paint of either kind, dashed or solid.</summary>
    public static bool IsLaneMarking(LabelClass label) => label is LabelClass.LaneMarking or LabelClass.SolidLaneMarking;

    /// <summary>Surface a car may drive on: road and the paint on it.</summary>
    public static bool IsDrivable(LabelClass label) => label is LabelClass.Road || IsLaneMarking(label);
}
