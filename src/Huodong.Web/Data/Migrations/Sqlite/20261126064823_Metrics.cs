using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huodong.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Metrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EffectSnapshots",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Through = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ActivityLift = table.Column<double>(type: "REAL", nullable: true),
                    Retention7 = table.Column<double>(type: "REAL", nullable: true),
                    Retention30 = table.Column<double>(type: "REAL", nullable: true),
                    Retention7NonParticipants = table.Column<double>(type: "REAL", nullable: true),
                    Retention30NonParticipants = table.Column<double>(type: "REAL", nullable: true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EffectSnapshots", x => x.ActivityId);
                    table.ForeignKey(
                        name: "FK_EffectSnapshots_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalValues",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Actual = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalValues", x => new { x.ActivityId, x.Name });
                    table.ForeignKey(
                        name: "FK_GoalValues_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LaunchBaselines",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EligibleMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaunchBaselines", x => x.ActivityId);
                    table.ForeignKey(
                        name: "FK_LaunchBaselines_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEvents_At_MemberId",
                table: "ActivityEvents",
                columns: new[] { "At", "MemberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EffectSnapshots");

            migrationBuilder.DropTable(
                name: "GoalValues");

            migrationBuilder.DropTable(
                name: "LaunchBaselines");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEvents_At_MemberId",
                table: "ActivityEvents");
        }
    }
}
