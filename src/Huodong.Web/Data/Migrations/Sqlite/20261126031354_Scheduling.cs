using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huodong.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "NotificationId",
                table: "PromotionDeliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LaunchHeldAt",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LaunchHeldFor",
                table: "Activities",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScheduledRun",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RanAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RanBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                values: new object[] { new Guid("5c4ed01e-0000-4000-8000-000000000001"), 0, "5c4ed01e-scheduler-concurrency-stamp", 639028224000000000L, "系统调度", null, false, false, 0, false, true, 3155378975999999999L, null, "SCHEDULER.SYSTEM", null, null, false, 0, "5c4ed01e-scheduler-security-stamp", null, false, "scheduler.system" });

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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
