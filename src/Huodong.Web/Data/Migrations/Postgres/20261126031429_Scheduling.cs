using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huodong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Scheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "PromotionId",
                table: "PromotionDeliveries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "NotificationId",
                table: "PromotionDeliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LaunchHeldAt",
                table: "Activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LaunchHeldFor",
                table: "Activities",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScheduledRun",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RanAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RanBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledRun", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduledRun_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AspNetUsers",
                columns: new[] { "Id", "AccessFailedCount", "ConcurrencyStamp", "CreatedAt", "DisplayName", "Email", "EmailConfirmed", "EmailOptIn", "Level", "LevelSetByStaff", "LockoutEnabled", "LockoutEnd", "NormalizedEmail", "NormalizedUserName", "PasswordHash", "PhoneNumber", "PhoneNumberConfirmed", "PointsBalance", "SecurityStamp", "SuspendedUntil", "TwoFactorEnabled", "UserName" },
                values: new object[] { new Guid("5c4ed01e-0000-4000-8000-000000000001"), 0, "5c4ed01e-scheduler-concurrency-stamp", new DateTimeOffset(new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "系统调度", null, false, false, 0, false, true, new DateTimeOffset(new DateTime(9999, 12, 31, 23, 59, 59, 999, DateTimeKind.Unspecified).AddTicks(9999), new TimeSpan(0, 0, 0, 0, 0)), null, "SCHEDULER.SYSTEM", null, null, false, 0, "5c4ed01e-scheduler-security-stamp", null, false, "scheduler.system" });

            migrationBuilder.CreateIndex(
                name: "IX_PromotionDeliveries_NotificationId",
                table: "PromotionDeliveries",
                column: "NotificationId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledRun_ActivityId_Kind_DueAt",
                table: "ScheduledRun",
                columns: new[] { "ActivityId", "Kind", "DueAt" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PromotionDeliveries_Notifications_NotificationId",
                table: "PromotionDeliveries",
                column: "NotificationId",
                principalTable: "Notifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PromotionDeliveries_Notifications_NotificationId",
                table: "PromotionDeliveries");

            migrationBuilder.DropTable(
                name: "ScheduledRun");

            migrationBuilder.DropIndex(
                name: "IX_PromotionDeliveries_NotificationId",
                table: "PromotionDeliveries");

            migrationBuilder.DeleteData(
                table: "AspNetUsers",
                keyColumn: "Id",
                keyValue: new Guid("5c4ed01e-0000-4000-8000-000000000001"));

            migrationBuilder.DropColumn(
                name: "NotificationId",
                table: "PromotionDeliveries");

            migrationBuilder.DropColumn(
                name: "LaunchHeldAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "LaunchHeldFor",
                table: "Activities");

            migrationBuilder.AlterColumn<Guid>(
                name: "PromotionId",
                table: "PromotionDeliveries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
