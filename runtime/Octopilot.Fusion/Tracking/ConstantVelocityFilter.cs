using System.Runtime.CompilerServices;

namespace Octopilot.Fusion.Tracking;

/// <summary>
/// Kalman filter of one track: state (x, y, vx, vy) in the current ego frame, velocity over ground in ego axes,
/// 4x4 covariance row-major. A mutable struct kept in the tracker's slot array and changed in place (never copied out
/// and back, so pass it by ref).
/// <para>
/// Prediction over dt with ego speed v_e and yaw rate ω (both constant over dt; θ = ω·dt):
/// the object moves p + v·dt over ground; the ego moves along its arc by d = (v_e·sin θ/ω, v_e·(1 − cos θ)/ω)
/// (→ (v_e·dt, 0) as ω → 0) and turns by θ; so in the new ego frame p' = R(−θ)(p + v·dt − d), v' = R(−θ)·v.
/// This is linear: F = blockdiag(R(−θ), R(−θ))·F_cv, offset −R(−θ)·d. Process noise is white acceleration with spectral
/// density q per axis (Q_pp = q·dt³/3, Q_pv = q·dt²/2, Q_vv = q·dt); it is isotropic, so the rotation leaves it unchanged.
/// </para>
/// </summary>
internal struct ConstantVelocityFilter
{
    public double X;
    public double Y;
    public double Vx;
    public double Vy;
    public Matrix4 P;

    /// <summary>Starts at a measured position with covariance r (2x2) and an assumed velocity with variance velocityVar.</summary>
    public void Initialise(double x, double y, double vx, double vy, in Cov2 r, double velocityVar)
    {
        X = x;
        Y = y;
        Vx = vx;
        Vy = vy;
        P = default;
        P[0] = r.Xx;
        P[1] = r.Xy;
        P[4] = r.Xy;
        P[5] = r.Yy;
        P[10] = velocityVar;
        P[15] = velocityVar;
    }

    public void Predict(double dtS, double egoSpeedMps, double yawRateRadps, double accelSpectralDensity)
    {
        double theta = yawRateRadps * dtS;
        double c = Math.Cos(theta);
        double s = Math.Sin(theta);

        // Ego displacement along its arc, in the old ego frame; the small-angle branch avoids 0/0.
        double dx, dy;
        if (Math.Abs(theta) < 1e-6)
        {
            dx = egoSpeedMps * dtS;
            dy = egoSpeedMps * dtS * theta * 0.5;
        }
        else
        {
            dx = egoSpeedMps * s / yawRateRadps;
            dy = egoSpeedMps * (1 - c) / yawRateRadps;
        }

        // State: R(−θ) = [[c, s], [−s, c]] applied to the moved point and to the velocity.
        double px = X + (Vx * dtS) - dx;
        double py = Y + (Vy * dtS) - dy;
        X = (c * px) + (s * py);
        Y = (-s * px) + (c * py);
        double vx = Vx;
        Vx = (c * vx) + (s * Vy);
        Vy = (-s * vx) + (c * Vy);

        // Covariance: F·P·Fᵀ + Q with F = [[c, s, c·dt, s·dt], [−s, c, −s·dt, c·dt], [0, 0, c, s], [0, 0, −s, c]].
        Matrix4 f = default;
        f[0] = c; f[1] = s; f[2] = c * dtS; f[3] = s * dtS;
        f[4] = -s; f[5] = c; f[6] = -s * dtS; f[7] = c * dtS;
        f[10] = c; f[11] = s;
        f[14] = -s; f[15] = c;
        Matrix4 fp = default;
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                double sum = 0;
                for (int k = 0; k < 4; k++)
                {
                    sum += f[(i * 4) + k] * P[(k * 4) + j];
                }

                fp[(i * 4) + j] = sum;
            }
        }

        double q = accelSpectralDensity;
        double qpp = q * dtS * dtS * dtS / 3.0;
        double qpv = q * dtS * dtS / 2.0;
        double qvv = q * dtS;
        for (int i = 0; i < 4; i++)
        {
            for (int j = i; j < 4; j++)
            {
                double sum = 0;
                for (int k = 0; k < 4; k++)
                {
                    sum += fp[(i * 4) + k] * f[(j * 4) + k];
                }

                P[(i * 4) + j] = sum;
                P[(j * 4) + i] = sum;
            }
        }

        P[0] += qpp; P[5] += qpp;
        P[2] += qpv; P[8] += qpv; P[7] += qpv; P[13] += qpv;
        P[10] += qvv; P[15] += qvv;
    }

    /// <summary>Squared Mahalanobis distance of a position measurement with noise r; +∞ when the innovation covariance is singular.</summary>
    public readonly double MahalanobisSquared(double zx, double zy, in Cov2 r)
    {
        double sxx = P[0] + r.Xx;
        double sxy = P[1] + r.Xy;
        double syy = P[5] + r.Yy;
        double det = (sxx * syy) - (sxy * sxy);
        if (!(det > 0))
        {
            return double.PositiveInfinity;
        }

        double ex = zx - X;
        double ey = zy - Y;
        return ((syy * ex * ex) - (2 * sxy * ex * ey) + (sxx * ey * ey)) / det;
    }

    /// <summary>Kalman update with a position measurement (H = [I 0]); P ← P − K·S·Kᵀ, which stays symmetric by construction.</summary>
    public void Update(double zx, double zy, in Cov2 r)
    {
        double sxx = P[0] + r.Xx;
        double sxy = P[1] + r.Xy;
        double syy = P[5] + r.Yy;
        double det = (sxx * syy) - (sxy * sxy);
        if (!(det > 0))
        {
            return;
        }

        double ixx = syy / det;
        double ixy = -sxy / det;
        double iyy = sxx / det;

        // K = P·Hᵀ·S⁻¹: column 0 and 1 of P times S⁻¹.
        Span<double> kx = stackalloc double[4];
        Span<double> ky = stackalloc double[4];
        for (int i = 0; i < 4; i++)
        {
            double p0 = P[i * 4];
            double p1 = P[(i * 4) + 1];
            kx[i] = (p0 * ixx) + (p1 * ixy);
            ky[i] = (p0 * ixy) + (p1 * iyy);
        }

        double ex = zx - X;
        double ey = zy - Y;
        X += (kx[0] * ex) + (ky[0] * ey);
        Y += (kx[1] * ex) + (ky[1] * ey);
        Vx += (kx[2] * ex) + (ky[2] * ey);
        Vy += (kx[3] * ex) + (ky[3] * ey);

        // K·S·Kᵀ = (P·Hᵀ)·Kᵀ: subtract column i of P·Hᵀ times row j of K.
        Span<double> px = stackalloc double[4];
        Span<double> py = stackalloc double[4];
        for (int i = 0; i < 4; i++)
        {
            px[i] = P[i * 4];
            py[i] = P[(i * 4) + 1];
        }

        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                P[(i * 4) + j] -= (px[i] * kx[j]) + (py[i] * ky[j]);
            }
        }
    }

    /// <summary>Position σ along the worst direction, m: square root of the larger eigenvalue of the position block.</summary>
    public readonly double MaxPositionSigmaM()
    {
        double a = P[0];
        double b = P[1];
        double d = P[5];
        double half = 0.5 * (a + d);
        double root = Math.Sqrt((0.25 * (a - d) * (a - d)) + (b * b));
        return Math.Sqrt(Math.Max(0, half + root));
    }

    /// <summary>Row-major 4x4, inline so a slot array holds no references.</summary>
    [InlineArray(16)]
    internal struct Matrix4
    {
        private double _element0;
    }
}
