using Huodong.Web.Approval;
using Huodong.Web.Audit;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Preparation;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Data;

/// <summary>
/// The one model. <see cref="SqliteDb"/> and <see cref="PostgresDb"/> derive from it only so that each provider
/// has its own migrations; everything else asks for <see cref="HuodongDb"/>.
/// </summary>
public abstract class HuodongDb(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Transition> Transitions => Set<Transition>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ActivitySeats> ActivitySeats => Set<ActivitySeats>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<CompletedTask> CompletedTasks => Set<CompletedTask>();
    public DbSet<ActivityEvent> ActivityEvents => Set<ActivityEvent>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentLike> CommentLikes => Set<CommentLike>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<PointsEntry> PointsEntries => Set<PointsEntry>();
    public DbSet<Duty> Duties => Set<Duty>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<ReadinessCheck> ReadinessChecks => Set<ReadinessCheck>();
    public DbSet<LiveOps.Incident> Incidents => Set<LiveOps.Incident>();
    public DbSet<Rewards.Draw> Draws => Set<Rewards.Draw>();
    public DbSet<Conduct.ConductTerm> ConductTerms => Set<Conduct.ConductTerm>();
    public DbSet<Conduct.LexiconStamp> LexiconStamps => Set<Conduct.LexiconStamp>();
    public DbSet<Conduct.PostFingerprint> PostFingerprints => Set<Conduct.PostFingerprint>();
    public DbSet<Conduct.ModerationCase> ModerationCases => Set<Conduct.ModerationCase>();
    public DbSet<Conduct.CaseReport> CaseReports => Set<Conduct.CaseReport>();
    public DbSet<Conduct.Cheating.SubmissionPrint> SubmissionPrints => Set<Conduct.Cheating.SubmissionPrint>();
    public DbSet<Conduct.Cheating.SubmissionBand> SubmissionBands => Set<Conduct.Cheating.SubmissionBand>();
    public DbSet<Conduct.Cheating.ClientTrace> ClientTraces => Set<Conduct.Cheating.ClientTrace>();
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(100);
        b.Entity<PointsEntry>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Reason).HasMaxLength(200);
            e.HasIndex(p => new { p.MemberId, p.At });
            e.HasOne<AppUser>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Activity>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Amendment).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Format).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Title).HasMaxLength(200);
            e.Property(a => a.VersionHash).HasMaxLength(64);
            e.Property(a => a.CancelReason).HasMaxLength(2000);
            e.Property(a => a.Revision).IsConcurrencyToken();
            e.HasIndex(a => a.Status);
            e.HasIndex(a => a.StartsAt);
            e.HasMany(a => a.Team).WithOne().HasForeignKey(t => t.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Reviews).WithOne().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Transitions).WithOne().HasForeignKey(t => t.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(a => a.Team).HasField("_team");
            e.Navigation(a => a.Versions).HasField("_versions");
            e.Navigation(a => a.Reviews).HasField("_reviews");
            e.Navigation(a => a.Transitions).HasField("_transitions");
            e.Ignore(a => a.WorkingPlan);
            e.Ignore(a => a.ApprovedPlan);
            e.Ignore(a => a.OpenReview);
            e.Ignore(a => a.IsPublished);
        });
        b.Entity<TeamMember>(e =>
        {
            e.HasKey(t => new { t.ActivityId, t.UserId });
            e.HasIndex(t => t.UserId);
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PlanVersion>(e =>
        {
            e.HasKey(v => new { v.ActivityId, v.Number });
            e.Property(v => v.Hash).HasMaxLength(64);
            e.Ignore(v => v.Plan);
        });
        b.Entity<Review>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Stage).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.Decision).HasConversion<string>().HasMaxLength(10);
            e.Property(r => r.PlanHash).HasMaxLength(64);
            e.Property(r => r.Comment).HasMaxLength(4000);
            e.Ignore(r => r.Points);
            e.HasIndex(r => new { r.ActivityId, r.Version });
        });
        b.Entity<Transition>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.Action).HasMaxLength(100);
            e.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.Property(t => t.Note).HasMaxLength(4000);
            e.HasIndex(t => new { t.ActivityId, t.At });
        });
        b.Entity<AuditEntry>(e =>
        {
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Code).HasMaxLength(100);
            e.Property(a => a.SubjectType).HasMaxLength(50);
            e.Property(a => a.SubjectId).HasMaxLength(100);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => new { a.SubjectType, a.SubjectId });
            e.HasIndex(a => a.At);
        });
        ParticipationModel.Configure(b);
        PreparationModel.Configure(b);
        Preparation.Promotion.PromotionModel.Configure(b);
        LiveOps.LiveOpsModel.Configure(b);
        Scheduling.SchedulingModel.Configure(b);
        Security.Compliance.Configure(b);
        Rewards.ResultsModel.Configure(b);
        Conduct.ConductModel.Configure(b);
        Budget.BudgetModel.Configure(b);
        Evaluation.Summary.SummaryModel.Configure(b);
        Evaluation.Improvement.ImprovementModel.Configure(b);
        Evaluation.EvaluationModel.Configure(b);
        Evaluation.Surveys.SurveysModel.Configure(b);
        Security.ConfidentialModel.Configure(b, Security.ConfidentialModel.ProtectorOf(this));
        Security.Reencryption.Configure(b);
        Evaluation.Comparison.MetricSnapshot.Configure(b);
        Security.Monitoring.MonitoringModel.Configure(b);
        b.Entity<IdempotencyRecord>(e =>
        {
            e.HasKey(r => new { r.Scope, r.Key });
            e.Property(r => r.Scope).HasMaxLength(64);
            e.Property(r => r.Key).HasMaxLength(100);
            e.Property(r => r.RequestHash).HasMaxLength(64);
            e.Property(r => r.ContentType).HasMaxLength(200);
            e.HasIndex(r => r.CreatedAt);
        });
    }
}
