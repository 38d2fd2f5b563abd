/**
 * Phrase pools for generated Chinese articles. All text is fictional (made-up outlets, people and
 * companies) and uses only characters that GBK can encode, so any article can be served as GBK.
 * Slots in `{braces}` are filled by contentZh.ts.
 */

export interface ZhTopic {
  noun: string;
  /** Government department / organiser that speaks about the topic. */
  dept: string;
  titles: string[];
  scene: string;
  people: string;
  metric: string;
  unit: string;
  aspects: string[];
  tags: string[];
}

export interface ZhCategory {
  slug: string;
  name: string;
  places: string[];
  topics: ZhTopic[];
  /** Opening sentence right after the dateline lead. */
  openings: string[];
  sentences: string[];
  captions: string[];
}

const DOMESTIC_PLACES = ['济南', '青岛', '烟台', '潍坊', '杭州', '成都', '武汉', '西安', '长沙', '合肥', '南昌', '昆明'];
const WORLD_PLACES = ['日内瓦', '内罗毕', '新加坡', '布鲁塞尔', '雅加达', '开罗', '维也纳', '曼谷', '里约热内卢', '赫尔辛基'];

export const ZH_CATEGORIES: ZhCategory[] = [
  {
    slug: 'guonei',
    name: '国内',
    places: DOMESTIC_PLACES,
    topics: [
      { noun: '老旧小区改造', dept: '市住房和城乡建设局', titles: ['{place}老旧小区改造惠及{n}万余户居民', '{place}今年将新开工改造老旧小区{n3}个'], scene: '施工人员正在为一栋老楼加装电梯，楼下的雨污管网改造已基本完工', people: '居民', metric: '完成改造小区', unit: '个', aspects: ['管网更新', '加装电梯', '停车设施', '社区养老'], tags: ['城市更新', '民生'] },
      { noun: '乡村特色产业', dept: '市农业农村局', titles: ['{place}特色农业带动{n}个村集体增收', '{place}乡村特色产业跑出“加速度”'], scene: '连片的大棚整齐排列，村民们正忙着采摘、分拣、装箱', people: '村民', metric: '新建特色产业基地', unit: '个', aspects: ['品种改良', '冷链物流', '电商销售', '技能培训'], tags: ['乡村振兴', '农业'] },
      { noun: '义务教育优质均衡发展', dept: '市教育局', titles: ['{place}新增中小学学位{n3}0个', '{place}推进义务教育优质均衡发展'], scene: '新落成的教学楼里，学生们正在老师的指导下做科学实验', people: '家长', metric: '新建改扩建中小学', unit: '所', aspects: ['师资配备', '课后服务', '校园安全', '集团化办学'], tags: ['教育'] },
      { noun: '基层医疗服务', dept: '市卫生健康委员会', titles: ['{place}{n}家基层医疗机构实现检查结果互认', '{place}：家门口看病更方便了'], scene: '社区卫生服务中心的候诊区秩序井然，自助设备前不时有居民办理挂号', people: '患者', metric: '建成社区医院', unit: '家', aspects: ['家庭医生签约', '远程会诊', '医保结算', '慢病管理'], tags: ['医疗', '民生'] },
      { noun: '综合交通建设', dept: '市交通运输局', titles: ['{place}地铁新线开通运营 全长{n}公里', '{place}综合交通枢纽项目加快建设'], scene: '工地上塔吊林立，数百名工人正在进行主体结构施工', people: '市民', metric: '新增优化公交线路', unit: '条', aspects: ['换乘衔接', '绿色出行', '停车管理', '智慧交通'], tags: ['交通', '基础设施'] },
      { noun: '河湖生态治理', dept: '市生态环境局', titles: ['{place}河湖治理成效显现 水质连续{n}个月达标', '{place}湿地公园迎来大批越冬候鸟'], scene: '湖面波光粼粼，成群的水鸟在浅滩觅食，不少市民举着相机驻足观看', people: '周边居民', metric: '修复湿地', unit: '公顷', aspects: ['污水处理', '岸线整治', '生物多样性', '公众参与'], tags: ['生态', '环保'] },
    ],
    openings: [
      '{date}，记者从{place}{dept}获悉，{place}{topic}工作取得新进展。',
      '{date}，{place}召开新闻发布会，介绍{topic}工作进展情况。',
      '近日，{place}{dept}发布消息，{place}{topic}各项任务正在有序推进。',
    ],
    sentences: [
      '据介绍，今年以来，{place}已{metric}{n3}{unit}，同比增长{pct}%。',
      '记者在现场看到，{scene}。',
      '“以前遇到问题不知道找谁，现在有了专人对接，心里踏实多了。”{people}{name}告诉记者。',
      '{dept}相关负责人表示，下一步将围绕{aspect}和{aspect2}两个重点，持续推动{topic}提质增效。',
      '为确保{topic}落到实处，{place}还出台了{n2}项配套措施，涵盖{aspect}、{aspect2}等多个方面。',
      '业内人士认为，{topic}既要解决眼前的实际困难，也要着眼长远，建立常态化的工作机制。',
      '截至{month}月底，相关项目累计完成投资{n}亿元，占年度计划的{pct2}%。',
      '据了解，{place}已将{aspect}纳入年度民生实事清单，并建立月调度、季通报制度。',
      '在{aspect2}方面，{place}探索推行“一站式”服务，群众办事时间平均缩短{pct}%。',
      '不少{people}表示，这些变化实实在在，日子越过越有奔头。',
      '“变化看得见、摸得着，希望这样的好政策能一直坚持下去。”年过六旬的{people}{name}说。',
    ],
    captions: ['图为{place}{topic}项目现场。', '{people}在{place}一处服务中心办理业务。', '航拍{place}城区一角。'],
  },
  {
    slug: 'guoji',
    name: '国际',
    places: WORLD_PLACES,
    topics: [
      { noun: '气候适应合作', dept: '论坛组委会', titles: ['{place}气候适应论坛聚焦资金缺口', '多国代表在{place}讨论气候适应路线图'], scene: '会场外，环保志愿者举着标语呼吁加快行动', people: '与会代表', metric: '', unit: '', aspects: ['适应资金', '早期预警系统', '技术转让', '能力建设'], tags: ['气候变化', '国际合作'] },
      { noun: '全球粮食安全', dept: '会议主办方', titles: ['{place}会议关注全球粮食安全挑战', '报告：全球仍有{n}个国家面临粮食供应压力'], scene: '当地农贸市场上，谷物和食用油的价格较去年同期明显上涨', people: '当地居民', metric: '', unit: '', aspects: ['农业投入', '供应链稳定', '小农户支持', '储备体系'], tags: ['粮食安全'] },
      { noun: '国际航运恢复', dept: '港务部门', titles: ['{place}港口吞吐量回升 航运业逐步回暖', '{place}航运论坛：绿色航运成为新焦点'], scene: '港区内集装箱堆叠如山，多艘货轮正在排队等候靠泊', people: '航运从业者', metric: '', unit: '', aspects: ['港口效率', '绿色燃料', '航线布局', '数字化通关'], tags: ['航运', '贸易'] },
      { noun: '公共卫生合作', dept: '卫生部门', titles: ['{place}举行公共卫生合作研讨会', '多国专家在{place}探讨传染病监测合作'], scene: '研讨会现场座无虚席，不少与会者在展台前了解最新的检测设备', people: '医护人员', metric: '', unit: '', aspects: ['疫苗可及性', '监测网络', '人员培训', '信息共享'], tags: ['公共卫生'] },
    ],
    openings: [
      '{date}，第{n2}届{topic}会议在{place}开幕，来自{n}个国家和地区的{n3}0余名代表出席。',
      '{place}当地时间{date}，一场以{topic}为主题的国际研讨会在此举行。',
    ],
    sentences: [
      '与会代表围绕{aspect}、{aspect2}等议题展开深入讨论。',
      '分析人士指出，{topic}面临的主要挑战在于{aspect}，各方仍需加强沟通协调。',
      '“没有哪个国家能够独自应对这些挑战，合作是唯一的出路。”一位与会代表在接受记者采访时说。',
      '据当地媒体报道，{scene}。',
      '会议发布的报告建议，各国应在{aspect2}方面加大投入，并推动建立更加开放包容的合作机制。',
      '多位专家表示，{topic}关乎各国共同利益，任何一方都难以独善其身。',
      '会议期间，{n2}个国家还签署了关于{aspect}的合作备忘录。',
      '据统计，过去一年，相关领域的国际合作项目数量增长了{pct}%。',
      '一些发展中国家代表呼吁，发达国家应切实履行承诺，帮助发展中国家提升{aspect2}能力。',
      '{people}{name}表示，希望会议达成的共识能够尽快转化为实际行动。',
    ],
    captions: ['图为{place}会议现场。', '{place}街头一景。', '与会代表在{place}参观展览。'],
  },
  {
    slug: 'caijing',
    name: '财经',
    places: DOMESTIC_PLACES,
    topics: [
      { noun: '新能源汽车产业链', dept: '市工业和信息化局', titles: ['{place}新能源汽车产量同比增长{n}%', '{place}打造新能源汽车产业集群'], scene: '生产车间里，机械臂有条不紊地完成焊接、涂装，一辆辆新车缓缓驶下生产线', people: '企业负责人', metric: '新能源汽车产业产值', unit: '亿元', aspects: ['电池材料', '整车制造', '充电设施', '关键零部件'], tags: ['新能源汽车', '制造业'] },
      { noun: '跨境电商', dept: '市商务局', titles: ['{place}跨境电商进出口额突破{n}亿元', '{place}跨境电商综试区跑出外贸新速度'], scene: '直播间里，主播正用流利的外语向海外消费者介绍产品', people: '电商从业者', metric: '跨境电商进出口额', unit: '亿元', aspects: ['海外仓建设', '品牌出海', '物流通道', '人才培养'], tags: ['外贸', '电商'] },
      { noun: '中小企业融资服务', dept: '市地方金融管理局', titles: ['{place}普惠小微贷款余额增长{n}%', '{place}多措并举破解中小企业融资难题'], scene: '金融服务大厅里，银行工作人员正为前来咨询的企业主讲解贷款产品', people: '企业主', metric: '普惠小微贷款余额', unit: '亿元', aspects: ['信用贷款', '首贷服务', '融资担保', '贷款贴息'], tags: ['金融', '小微企业'] },
      { noun: '消费市场', dept: '市商务局', titles: ['{place}假日消费热度攀升', '{place}社会消费品零售总额同比增长{n}%'], scene: '商圈里人头攒动，不少商家推出了满减和以旧换新活动', people: '消费者', metric: '社会消费品零售总额', unit: '亿元', aspects: ['以旧换新', '夜间经济', '文旅消费', '餐饮服务'], tags: ['消费'] },
    ],
    openings: [
      '{date}，记者从{place}{dept}了解到，今年以来{place}{topic}保持良好发展势头。',
      '{place}{dept}{date}发布数据显示，{place}{topic}运行稳中向好。',
    ],
    sentences: [
      '数据显示，前三季度，{place}{metric}达{n3}{unit}，同比增长{pct}%，增速较上半年加快{pct3}个百分点。',
      '记者走访发现，{scene}。',
      '“订单已经排到了明年一季度，工人们正在加班加点生产。”一家企业负责人{name}说。',
      '分析人士认为，{topic}的快速增长得益于{aspect}持续优化和{aspect2}不断完善。',
      '不过，也有业内人士提醒，当前外部环境依然复杂，企业要警惕原材料价格波动带来的经营风险。',
      '为进一步激发市场活力，{place}近期推出{n2}条支持措施，重点支持{aspect}。',
      '多家企业负责人表示，对下一阶段市场前景保持信心，计划继续扩大{aspect2}投入。',
      '{dept}相关负责人介绍，下一步将加强政策协同，推动{topic}向高端化、智能化、绿色化方向发展。',
      '截至{month}月底，已有{n3}家企业享受相关政策，累计减负约{n}亿元。',
      '从细分领域看，{aspect}增长最为明显，同比增幅达到{pct2}%。',
    ],
    captions: ['图为{place}一家企业的生产车间。', '{place}一处商业街区。', '工作人员在{place}展会现场介绍产品。'],
  },
];

export const ZH_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
export const ZH_GIVEN_NAMES = ['玉龙', '晓明', '静', '海涛', '婷', '志强', '雪梅', '宇', '丽娜', '建国', '凯', '欣怡', '博', '文娟', '磊', '岳', '思远', '佳'];
/** Fictional outlets credited in `来源:`. */
export const ZH_SOURCES = ['东海网', '江城日报', '滨海晚报', '云岭新闻', '东海新闻网'];
export const ZH_SITE_NAME = '东海新闻网';
export const ZH_COMMENTS = [
  '希望多报道这样的好消息！',
  '我们小区去年也改造了，确实方便了很多。',
  '数据很详细，点赞。',
  '关键是要落实到位，期待后续报道。',
  '这篇文章写得很实在。',
  '什么时候能推广到我们这边？',
];
export const ZH_USER_NAMES = ['海边的风', '老张看新闻', '小雨点', '东海网友', '匿名用户', '阳光明媚'];
