namespace Huodong.Web.Security.Monitoring;

/// <summary><c>Security:Alerts:*</c> — thresholds of the security alerts (S1.2).</summary>
public sealed class AlertOptions
{
    /// <summary>Failed sign-ins for one account within <see cref="SignInWindowMinutes"/> that raise an alert.</summary>
    public int AccountFailures { get; set; } = 5;
    /// <summary>Failed sign-ins from one network (across accounts) within the window that raise an alert.</summary>
    public int NetworkFailures { get; set; } = 20;
    public int SignInWindowMinutes { get; set; } = 15;
    /// <summary>Sign-in attempts are kept this many days, then pruned.</summary>
    public int AttemptDays { get; set; } = 30;
    /// <summary>Personal records one staff member may reveal or export within <see cref="PersonalDataWindowMinutes"/>.</summary>
    public int PersonalDataRecords { get; set; } = 200;
    public int PersonalDataWindowMinutes { get; set; } = 60;
    /// <summary>When the audit chain is verified (Quartz cron, server time zone); daily at 03:00 by default.</summary>
    public string AuditVerifyCron { get; set; } = "0 0 3 * * ?";
}

/// <summary><c>Security:Retention:*</c> — how long registrations' personal data is kept (PIPL art. 19, 47).</summary>
public sealed class RetentionOptions
{
    /// <summary>Days after an activity is closed before its registrants' personal data is erased.</summary>
    public int RegistrationDays { get; set; } = 180;
    public int BatchSize { get; set; } = 500;
    /// <summary>When the retention job runs (Quartz cron); daily at 03:30 by default.</summary>
    public string Cron { get; set; } = "0 30 3 * * ?";
}
