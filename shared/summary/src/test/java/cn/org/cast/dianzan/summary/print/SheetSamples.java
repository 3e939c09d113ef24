package cn.org.cast.dianzan.summary.print;

import static java.nio.charset.StandardCharsets.US_ASCII;

import cn.org.cast.dianzan.campaign.Category;
import cn.org.cast.dianzan.cases.AwardLevel;
import cn.org.cast.dianzan.cases.CaseForm;
import cn.org.cast.dianzan.cases.Subtype;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Realistic sheets to print: a unit recommending six cases (three per category, one of them 其他 with
 * its text, names of twenty characters), a case with both photos (the portrait one stored landscape
 * with EXIF orientation 6, as phones save it), three media reports with long links, two awards and a
 * 3000-character detail. {@link #main} writes the three PDFs to target/sheets/ for a look.
 */
final class SheetSamples {

    static final String TITLE = "2026年度“典赞·科普中国”科普案例推荐汇总表";
    static final String CAMPAIGN = "2026年度“典赞·科普中国”科普案例征集";
    static final SheetMark MARK = new SheetMark("2026", "u-3f2a9c71", "3f9a1c0b7e2d4a68", "K7QX-3M9P", 1, 1);
    static final SummarySheet.Unit UNIT = new SummarySheet.Unit("北京市海淀区科学技术协会",
            "北京市海淀区中关村南大街甲18号科技服务中心四层", "王晓明", "科普部部长", "010-62751234",
            "kepu@hdkx.org.cn");

    static final List<SummarySheet.Row> ROWS = List.of(
            row(Category.ACTIVITY_SERVICE, "c-01", "青少年人工智能科普讲座与实践体验系列活动", "科普讲座",
                    "北京市海淀区青少年科技活动中心", "李思源", "010-62751301"),
            row(Category.ACTIVITY_SERVICE, "c-02", "城市夜空天文观测科普沙龙", "科普沙龙", "北京天文爱好者协会",
                    "赵一鸣", "13901012345"),
            row(Category.ACTIVITY_SERVICE, "c-03", "中关村湿地公园自然观察与生态保护夜游", "其他（自然观察夜游）",
                    "海淀区园林绿化局宣传教育科", "孙静怡", "010-88412760"),
            row(Category.VENUE_BUILDING, "c-04", "黄河流域水资源科技馆沉浸式新展区建设项目", "科技馆",
                    "海淀区科技馆（中关村科学城展示中心）", "周建国", "010-82668899"),
            row(Category.VENUE_BUILDING, "c-05", "智能网联汽车生产线开放日与工业科普长廊", "生产线",
                    "北京智联新能源汽车制造有限公司", "吴海涛", "18611223344"),
            row(Category.VENUE_BUILDING, "c-06", "上庄农业科技小院田间课堂与乡村科普站", "科技小院",
                    "中国农业大学上庄科技小院", "郑晓雯", "010-62733102"));

    static final List<CaseForm.MediaReport> REPORTS = List.of(
            new CaseForm.MediaReport("海淀：人工智能科普讲座走进二十所中小学，万余名学生动手体验",
                    "https://www.kepu.gov.cn/news/2025/06/18/a8f3c2d1e4b5/ai-science-lecture-series-in-haidian"
                            + "-schools-community-outreach.html?from=timeline&isappinstalled=0"),
            new CaseForm.MediaReport("让孩子们在实践中爱上科学——记青少年人工智能科普系列活动",
                    "https://news.example.com.cn/science/2025-09-02/doc-inhkqzra7391025.shtml?utm_source=share"
                            + "&utm_medium=wechat&utm_campaign=kepu2025"),
            new CaseForm.MediaReport("科普中国：青少年人工智能科普讲座与实践体验系列活动纪实",
                    "https://www.kepuchina.cn/article/articleinfo?business_type=100&classify=0&ar_id=583920"
                            + "&front_type=detail&source=wx"));

    static final List<CaseForm.Award> AWARDS = List.of(
            new CaseForm.Award("全国科普讲解大赛优秀组织奖", AwardLevel.NATIONAL, 2025),
            new CaseForm.Award("北京市科普工作先进集体", AwardLevel.MUNICIPAL, 2025));

    static final String SUMMARY = "活动面向海淀区中小学生，以“听得懂、摸得着、用得上”为目标，"
            + "邀请高校和科研院所的青年科学家走进校园与社区，围绕机器学习、计算机视觉和智能机器人开展讲座，"
            + "并配套动手实践工作坊。2025年共举办讲座48场、实践课96节，直接参与学生1.2万人次，"
            + "线上直播累计观看逾30万人次。";

    private static final String[][] DETAIL = {
        {"项目组与区内二十所中小学建立合作，每月安排两场主题讲座，讲座后由科研人员带领学生完成图像识别、"
                + "语音交互和机器人编程等实践任务。课程资源包括讲义、实验手册和视频，已向全区学校免费开放。",
            "活动同步在社区科普大学开设家长课堂，帮助家庭理解人工智能的基本原理与安全使用，"
                    + "并通过区融媒体中心直播，让远郊学校的学生同步参与。"},
        {"一是以问题为导向设计课程，让学生从生活中的真实问题出发理解算法；二是建立科学家与教师结对机制，"
                + "形成可复制的课程包；三是引入过程性评价，学生作品在区级科技节展出并获专家好评。",
            "参与学生的科学兴趣问卷得分平均提高百分之二十三，三十余件学生作品入选市级青少年科技创新大赛。"},
        {"科普活动要与学校课程衔接，避免一次性热闹；要重视科学精神和伦理意识的培养，引导学生理性看待新技术。",
            "要发挥社会力量，持续完善场地、师资和经费保障。下一步将把活动推广到远郊区学校，"
                    + "并与周边省市的科技馆共享课程资源。"}};

    private SheetSamples() {
    }

    static SummarySheet.Row row(Category category, String caseId, String name, String subtype, String unit,
                                String contact, String phone) {
        return new SummarySheet.Row(category, caseId, 3, name, subtype, unit, contact, phone);
    }

    static SummarySheet summarySheet() {
        return summarySheet(ROWS);
    }

    static SummarySheet summarySheet(List<SummarySheet.Row> rows) {
        return new SummarySheet(TITLE, UNIT, rows, MARK, "2026-06-28 15:42（北京时间）");
    }

    /** The first sample case, as its unit filled the form in. */
    static CaseForm caseForm() {
        return new CaseForm(ROWS.get(0).name(), ROWS.get(0).implementingUnit(),
                "北京市海淀区北四环西路67号青少年科技活动中心二层", "李思源", "科普活动部主任", "010-62751301",
                "lisiyuan@hdqsn.org.cn", Category.ACTIVITY_SERVICE, Subtype.LECTURE, null, SUMMARY, REPORTS, AWARDS,
                detail(CaseForm.DETAIL_MAX), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 12, 20));
    }

    static CaseSheet caseSheet() {
        return caseSheet(caseForm());
    }

    static CaseSheet caseSheet(CaseForm form) {
        return new CaseSheet("c-01", 7, form, new CaseSheet.Photo(landscapeJpeg(), "image/jpeg"),
                new CaseSheet.Photo(portraitJpegTurned(), "image/jpeg"), "2026-06-28 15:40");
    }

    static Receipt receipt(boolean codeRead) {
        return new Receipt(CAMPAIGN, UNIT.name(), "2026-06-30 10:15:32", MARK.code(), ROWS, codeRead,
                "海淀区科协-推荐汇总表-盖章扫描件.pdf", 2);
    }

    /** The detail in the form's three parts, {@code length} characters in all. */
    static String detail(int length) {
        StringBuilder text = new StringBuilder();
        for (int part = 0; part < DETAIL.length; part++) {
            text.append(CaseForm.DETAIL_OUTLINE.get(part)).append('\n');
            int end = length * (part + 1) / DETAIL.length;
            for (int i = 0; text.length() < end; i++) {
                text.append(DETAIL[part][i % DETAIL[part].length]).append('\n');
            }
        }
        return text.substring(0, length);
    }

    /** A 1600×1000 photo: a sky, a sun, hills and a building, as JPEG. */
    static byte[] landscapeJpeg() {
        BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        scene(g, 1600, 1000);
        g.dispose();
        return jpeg(image, 0.85f);
    }

    /**
     * A 1000×1600 portrait scene stored as 1600×1000 landscape pixels (turned a quarter to the left)
     * with EXIF orientation 6, so that a viewer turns it back upright.
     */
    static byte[] portraitJpegTurned() {
        BufferedImage stored = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setTransform(new AffineTransform(0, -1, 1, 0, 0, 1000)); // (x, y) of the scene → (y, 1000 - x)
        scene(g, 1000, 1600);
        g.dispose();
        return withOrientation(jpeg(stored, 0.85f), 6);
    }

    private static void scene(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(70, 130, 200), 0, height * 0.6f, new Color(190, 220, 245)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 205, 80));
        int sun = Math.min(width, height) / 5;
        g.fillOval(width - sun * 2, sun / 2, sun, sun);
        g.setPaint(new GradientPaint(0, height * 0.55f, new Color(90, 160, 90), 0, height, new Color(40, 90, 50)));
        g.fillPolygon(new Polygon(new int[] {0, width / 4, width / 2, width * 3 / 4, width, width, 0},
                new int[] {height * 3 / 5, height / 2, height * 3 / 5, height * 11 / 20, height * 3 / 5, height, height},
                7));
        g.setColor(new Color(235, 235, 240));
        int building = width / 4;
        g.fillRect(width / 2 - building / 2, height * 2 / 5, building, height * 2 / 5);
        g.setColor(new Color(60, 70, 90));
        g.setStroke(new BasicStroke(Math.max(2, width / 300f)));
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 3; col++) {
                g.drawRect(width / 2 - building / 2 + building / 8 + col * building / 3,
                        height * 2 / 5 + height / 30 + row * height / 12, building / 6, height / 20);
            }
        }
        g.setColor(new Color(200, 40, 40));
        g.fillRect(width / 2 - 3, height * 2 / 5 - height / 10, 6, height / 10);
        g.fillPolygon(new int[] {width / 2 + 3, width / 2 + 3 + width / 15, width / 2 + 3},
                new int[] {height * 2 / 5 - height / 10, height * 2 / 5 - height / 13, height * 2 / 5 - height / 18}, 3);
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The JPEG with an APP1 Exif segment right after SOI, where phones put it: a little-endian TIFF
     * header and IFD0 holding the one entry Orientation (0x0112, SHORT, count 1).
     */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN)
                .put("II".getBytes(US_ASCII)).putShort((short) 42).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        byte[] payload = ByteBuffer.allocate(6 + 26).put("Exif\0\0".getBytes(US_ASCII)).put(tiff.array()).array();
        return ByteBuffer.allocate(jpeg.length + 4 + payload.length)
                .put(jpeg, 0, 2)
                .put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + payload.length)).put(payload)
                .put(jpeg, 2, jpeg.length - 2).array();
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes case-sheet.pdf, summary-sheet.pdf, summary-sheet.xlsx and receipt.pdf into {@code folder}. */
    static List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        written.add(Files.write(folder.resolve("case-sheet.pdf"), CaseSheetPdf.render(caseSheet()).bytes()));
        written.add(Files.write(folder.resolve("summary-sheet.pdf"), SummarySheetPdf.render(summarySheet()).bytes()));
        written.add(Files.write(folder.resolve("summary-sheet.xlsx"), SummarySheetXlsx.render(summarySheet())));
        written.add(Files.write(folder.resolve("receipt.pdf"), ReceiptPdf.render(receipt(false)).bytes()));
        return written;
    }

    public static void main(String[] args) throws IOException {
        for (Path path : write(Path.of(args.length > 0 ? args[0] : "target/sheets"))) {
            System.out.println(path + " " + Files.size(path) + " bytes");
        }
    }
}
