using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huodong.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CheatDetection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MatchedId",
                table: "ModerationCases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Similarity",
                table: "ModerationCases",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClientTraces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: true),
                    NetworkHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DeviceHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientTraces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientTraces_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionPrints",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionPrints", x => x.SubmissionId);
                    table.ForeignKey(
                        name: "FK_SubmissionPrints_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionBands",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionBands", x => new { x.Key, x.SubmissionId });
                    table.ForeignKey(
                        name: "FK_SubmissionBands_SubmissionPrints_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "SubmissionPrints",
                        principalColumn: "SubmissionId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientTraces_ActivityId_NetworkHash_At",
                table: "ClientTraces",
                columns: new[] { "ActivityId", "NetworkHash", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientTraces_DeviceHash",
                table: "ClientTraces",
                column: "DeviceHash");

            migrationBuilder.CreateIndex(
                name: "IX_ClientTraces_MemberId",
                table: "ClientTraces",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionBands_SubmissionId",
                table: "SubmissionBands",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionPrints_ActivityId_At",
                table: "SubmissionPrints",
                columns: new[] { "ActivityId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientTraces");

            migrationBuilder.DropTable(
                name: "SubmissionBands");

            migrationBuilder.DropTable(
                name: "SubmissionPrints");

            migrationBuilder.DropColumn(
                name: "MatchedId",
                table: "ModerationCases");

            migrationBuilder.DropColumn(
                name: "Similarity",
                table: "ModerationCases");
        }
    }
}
