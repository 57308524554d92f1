namespace Shelf.Core.Features.Accounts;

/// <summary>
/// After <see cref="Threshold"/> failed logins in a row an account is locked, for a time that
/// doubles with each further failure (up to a day), so guessing a password costs years while the
/// owner who mistyped waits minutes. Kept on the user's row, so every web process sees it.
/// </summary>
internal static class LoginLockout
{
    public const int Threshold = 5;

    private static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public static DateTime? Until(int failedLogins, DateTime now)
    {
        if (failedLogins < Threshold)
        {
            return null;
        }

        var doublings = Math.Min(failedLogins - Threshold, 20);
        var wait = TimeSpan.FromTicks(Math.Min(First.Ticks << doublings, Longest.Ticks));
        return now + wait;
    }
}
